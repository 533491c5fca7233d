/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// With .js (TypeScript maps it to the .ts file): Vite's coming native config loader needs extensions.
import { cspPlugin } from './scripts/cspPlugin.js';

const MUI_POPUPS =
  /node_modules[\\/]@mui[\\/]material[\\/](Select|TextField|NativeSelect|FilledInput|Input|Menu|MenuList|MenuItem|Popover|Grow|Modal|Backdrop|Unstable_TrapFocus|Portal)[\\/]/;

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
        // Vendor code changes rarely: separate chunks stay cached across app releases. MUI has no
        // group of its own: its components go with the code that uses them, so dialogs and panels
        // that load lazily bring their MUI parts along instead of weighing on the first load.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            // MUI's select, menu and modal stack: only lazy code uses it (LazySelectBox, menus,
            // dialogs, autocomplete). Without a group of its own, automatic chunking puts it in
            // one chunk with the input components of the first load. Its dependencies stay out:
            // the first load shares them.
            {
              name: 'mui-popups',
              test: (id: string) => MUI_POPUPS.test(id) && !id.includes('selectClasses'),
              includeDependenciesRecursively: false,
            },
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
