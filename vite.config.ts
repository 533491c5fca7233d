/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// With .js (TypeScript maps it to the .ts file): Vite's coming native config loader needs extensions.
import { cspPlugin } from './scripts/cspPlugin.js';

export default defineConfig({
  // cspPlugin also sets preview.headers: the Content-Security-Policy header of `vite preview`.
  plugins: [react(), cspPlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // maplibre is one 1 MB library; it loads lazily with the footprint map.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        // React changes rarely: a chunk of its own stays cached across app releases. The rest of
        // what a first visit runs (app, MUI parts, emotion) is one chunk: automatic chunking made
        // some twenty small ones, each a request, and mixed code only lazy parts use (MUI's Select,
        // Menu and Modal) into chunks the first load imports. Lazy code is split by its users.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'initial', tags: ['$initial'] },
            // Loaded with the footprint map only (lazy), each cached on its own.
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ },
            { name: 'terra-draw', test: /node_modules[\\/]terra-draw/ },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The conformance suites validate every example with Ajv and Zod; give slow CI boxes room.
    testTimeout: 60_000,
  },
});
