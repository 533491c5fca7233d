import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import { lazy, Suspense, useState } from 'react';

// Loaded the way the app loads it, so maplibre and terra-draw stay out of the first bundle.
const FootprintMap = lazy(() =>
  import('../FootprintMap').then((module) => ({ default: module.FootprintMap })),
);

/** A footprint over western Europe, as the form or the JSON view would set it. */
export const DEMO_FOOTPRINT = {
  type: 'Polygon',
  coordinates: [
    [
      [-5, 42],
      [10, 42],
      [10, 52],
      [-5, 52],
      [-5, 42],
    ],
  ],
};

const DEMO_POINTS = {
  type: 'MultiPoint',
  coordinates: [
    [-100, 40],
    [135, -25],
  ],
};

/** A polygon with a hole: terra-draw cannot edit it, so the map shows it read-only. */
const DEMO_HOLE = {
  type: 'Polygon',
  coordinates: [
    [
      [20, -20],
      [40, -20],
      [40, 0],
      [20, 0],
      [20, -20],
    ],
    [
      [25, -15],
      [25, -5],
      [35, -5],
      [35, -15],
      [25, -15],
    ],
  ],
};

const TRAINING_EXTENTS = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-120, 30],
            [-80, 30],
            [-80, 50],
            [-120, 50],
            [-120, 30],
          ],
        ],
      },
    },
  ],
};

/** The map with buttons that change its props from outside, and its last reported geometry. */
export function MapDemo() {
  const [geometry, setGeometry] = useState<unknown>(null);
  const [changes, setChanges] = useState(0);
  const [fitRequest, setFitRequest] = useState(0);
  const [showLayers, setShowLayers] = useState(false);

  const setFromOutside = (next: unknown) => {
    setGeometry(next);
    setFitRequest((n) => n + 1);
  };

  return (
    <Stack direction="row" spacing={2} sx={{ p: 2, alignItems: 'flex-start' }}>
      <Box sx={{ width: 900, height: 560, flexShrink: 0 }}>
        <Suspense fallback={<CircularProgress aria-label="Loading the map" />}>
          <FootprintMap
            geometry={geometry}
            onChange={(next) => {
              setGeometry(next);
              setChanges((n) => n + 1);
            }}
            layers={
              showLayers
                ? [
                    {
                      id: 'training',
                      label: 'Training data',
                      color: '#1565c0',
                      data: TRAINING_EXTENTS,
                    },
                  ]
                : undefined
            }
            fitRequest={fitRequest}
          />
        </Suspense>
      </Box>
      <Stack spacing={1} sx={{ flex: 1, minWidth: 0 }}>
        <Button variant="outlined" onClick={() => setFromOutside(DEMO_FOOTPRINT)}>
          Set example footprint
        </Button>
        <Button variant="outlined" onClick={() => setFromOutside(DEMO_POINTS)}>
          Set two points
        </Button>
        <Button variant="outlined" onClick={() => setFromOutside(DEMO_HOLE)}>
          Set polygon with a hole
        </Button>
        <Button variant="outlined" onClick={() => setGeometry(null)}>
          Clear geometry
        </Button>
        <Button variant="outlined" onClick={() => setShowLayers((v) => !v)}>
          Toggle training layer
        </Button>
        <Button variant="outlined" onClick={() => setFitRequest((n) => n + 1)}>
          Fit
        </Button>
        <Box component="p" sx={{ m: 0 }}>
          onChange calls: <span data-testid="change-count">{changes}</span>
        </Box>
        <Box component="pre" data-testid="geometry" sx={{ fontSize: 11, m: 0, overflow: 'auto' }}>
          {JSON.stringify(geometry)}
        </Box>
      </Stack>
    </Stack>
  );
}
