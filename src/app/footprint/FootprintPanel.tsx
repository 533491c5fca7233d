import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useRef, useState } from 'react';

import { bboxToGeometry, GLOBAL_FOOTPRINT, validateBboxFields } from '../../map/bboxFootprint';
import type { FootprintGeometry } from '../../map/footprintTypes';
import { useNearViewport } from '../useNearViewport';
import { onlineBasemapUrl } from './onlineBasemapUrl';
import type { FootprintNote } from './useFootprintEditing';

// maplibre and terra-draw are large; they load when the footprint section is first shown.
const FootprintMap = lazy(() =>
  import('../../map/FootprintMap').then((m) => ({ default: m.FootprintMap })),
);

const FIELDS = [
  { key: 'west', label: 'West', index: 0 },
  { key: 'south', label: 'South', index: 1 },
  { key: 'east', label: 'East', index: 2 },
  { key: 'north', label: 'North', index: 3 },
] as const;

type BboxTexts = [string, string, string, string];

function textsOf(bbox: unknown): BboxTexts {
  const values = Array.isArray(bbox) && bbox.length >= 4 ? bbox : [];
  const at = (i: number) => {
    // A 3D bbox is [w, s, min z, e, n, max z].
    const j = values.length === 6 ? [0, 1, 3, 4][i] : i;
    const v: unknown = values[j ?? i];
    return typeof v === 'number' ? String(v) : '';
  };
  return [at(0), at(1), at(2), at(3)];
}

const toNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

const STYLE_KEY = 'stac-mlm-editor:basemap-style';

/**
 * The online style the user chose, kept in this browser; undefined = the offline basemap. A choice
 * made under another build (another allowed URL, or none) is dropped: the policy would block it.
 */
function readStyleUrl(): string | undefined {
  try {
    const stored = localStorage.getItem(STYLE_KEY) ?? undefined;
    return stored !== undefined && stored === onlineBasemapUrl ? stored : undefined;
  } catch {
    return undefined;
  }
}

function writeStyleUrl(url: string | undefined): void {
  try {
    if (url) {
      localStorage.setItem(STYLE_KEY, url);
    } else {
      localStorage.removeItem(STYLE_KEY);
    }
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}

/**
 * The footprint: an offline map to draw and edit it, and the same thing without a mouse: four
 * bbox fields, a paste box (GeoJSON, WKT or a bbox), "Global" and "Fit to footprint".
 */
export function FootprintPanel({
  geometry,
  bbox,
  notes,
  precision,
  onPrecision,
  onApply,
  onApplyText,
  layers,
  fitRequest: outsideFit = 0,
}: {
  geometry: unknown;
  bbox: unknown;
  notes: readonly FootprintNote[];
  precision: number;
  onPrecision: (precision: number) => void;
  onApply: (geometry: FootprintGeometry | null, source: 'map' | 'fields' | 'other') => void;
  /** Returns the reason when the text is not a footprint. */
  onApplyText: (text: string, origin: string) => Promise<string | undefined>;
  /** Read-only layers drawn with the footprint (training-data extents). */
  layers?: readonly { id: string; label: string; color: string; data: unknown }[];
  /** Changes when something outside asks the map to fit (a training extent was opened). */
  fitRequest?: number;
}) {
  const [texts, setTexts] = useState<BboxTexts>(() => textsOf(bbox));
  const [seenBbox, setSeenBbox] = useState(bbox);
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState<string>();
  const [fitRequest, setFitRequest] = useState(0);
  const mapSlot = useRef<HTMLDivElement>(null);
  const mapShown = useNearViewport(mapSlot);
  const [styleUrl, setStyleUrl] = useState<string | undefined>(readStyleUrl);

  // The fields follow the item's bbox when it changes elsewhere (map, JSON view, undo).
  if (bbox !== seenBbox) {
    setSeenBbox(bbox);
    setTexts(textsOf(bbox));
  }

  const numbers = texts.map(toNumber) as [
    number | undefined,
    number | undefined,
    number | undefined,
    number | undefined,
  ];
  const fieldErrors = validateBboxFields(...numbers);

  const editField = (index: number, text: string) => {
    const next: BboxTexts = [...texts];
    next[index] = text;
    setTexts(next);
    const [w, s, e, n] = next.map(toNumber);
    if (
      w !== undefined &&
      s !== undefined &&
      e !== undefined &&
      n !== undefined &&
      Object.keys(validateBboxFields(w, s, e, n)).length === 0
    ) {
      onApply(bboxToGeometry(w, s, e, n), 'fields');
    }
  };

  const usePaste = () => {
    void onApplyText(paste, 'The pasted text').then((problem) => {
      setPasteError(problem);
      if (!problem) {
        setFitRequest((n) => n + 1);
      }
    });
  };

  return (
    <Stack spacing={1.5} sx={{ width: '100%' }}>
      <Box
        role="group"
        aria-label="Bounding box"
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 1 }}
      >
        {FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            type="number"
            size="small"
            value={texts[f.index]}
            onChange={(e) => editField(f.index, e.target.value)}
            error={fieldErrors[f.key] !== undefined}
            helperText={fieldErrors[f.key] ?? (f.index % 2 === 0 ? 'Longitude, °' : 'Latitude, °')}
            slotProps={{ htmlInput: { step: 'any' } }}
          />
        ))}
      </Box>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <Button
          variant="outlined"
          onClick={() => {
            onApply(GLOBAL_FOOTPRINT.geometry, 'other');
            setFitRequest((n) => n + 1);
          }}
        >
          Global
        </Button>
        <Button variant="outlined" onClick={() => setFitRequest((n) => n + 1)}>
          Fit to footprint
        </Button>
        <Button onClick={() => onApply(null, 'other')} disabled={geometry === null}>
          Remove footprint
        </Button>
        <TextField
          select
          size="small"
          label="Coordinate precision"
          value={precision}
          onChange={(e) => onPrecision(Number(e.target.value))}
          sx={{ minWidth: 190 }}
        >
          {[3, 4, 5, 6, 7, 8].map((p) => (
            <MenuItem key={p} value={p}>
              {p} decimals
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="Paste GeoJSON, WKT or a bbox"
          multiline
          minRows={1}
          maxRows={6}
          size="small"
          fullWidth
          value={paste}
          onChange={(e) => {
            setPaste(e.target.value);
            setPasteError(undefined);
          }}
          error={pasteError !== undefined}
          helperText={
            pasteError ??
            'A Geometry, Feature or FeatureCollection, WKT such as POLYGON((…)), or west,south,east,north. A .geojson file can also be dropped on the page.'
          }
        />
        <Button
          variant="contained"
          disableElevation
          disabled={paste.trim() === ''}
          onClick={usePaste}
          sx={{ flexShrink: 0 }}
        >
          Use as footprint
        </Button>
      </Stack>
      <Box component="details">
        <Box component="summary" sx={{ cursor: 'pointer', typography: 'body2' }}>
          Map settings {styleUrl ? '(online basemap)' : '(offline basemap)'}
        </Box>
        {onlineBasemapUrl === undefined ? (
          <Typography variant="body2" sx={{ mt: 1 }}>
            The map is drawn from Natural Earth data that comes with the app, and nothing is
            fetched. This installation allows no online basemap.
          </Typography>
        ) : (
          <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
            <Typography variant="body2" sx={{ flexGrow: 1, overflowWrap: 'anywhere' }}>
              Off by default: the map is drawn from Natural Earth data in the app, and nothing is
              fetched. The online basemap loads a MapLibre style and its tiles from{' '}
              <Box component="code">{onlineBasemapUrl}</Box>.
            </Typography>
            <Button
              variant="outlined"
              disabled={styleUrl !== undefined}
              onClick={() => {
                writeStyleUrl(onlineBasemapUrl);
                setStyleUrl(onlineBasemapUrl);
              }}
              sx={{ flexShrink: 0 }}
            >
              Use online basemap
            </Button>
            <Button
              disabled={styleUrl === undefined}
              onClick={() => {
                writeStyleUrl(undefined);
                setStyleUrl(undefined);
              }}
              sx={{ flexShrink: 0 }}
            >
              Use offline basemap
            </Button>
          </Stack>
        )}
      </Box>
      {notes.map((note, i) => (
        <Alert key={i} severity={note.severity}>
          {note.message}
        </Alert>
      ))}
      {mapShown ? (
        <Suspense fallback={<Typography variant="body2">Loading the map…</Typography>}>
          <FootprintMap
            geometry={geometry ?? null}
            onChange={(g) => onApply(g as FootprintGeometry | null, 'map')}
            fitRequest={fitRequest + outsideFit}
            layers={layers}
            styleUrl={styleUrl}
          />
        </Suspense>
      ) : (
        // Holds the map's place (and its name, so "scroll to the map" works) until it is near.
        <Box
          ref={mapSlot}
          role="region"
          aria-label="Footprint map"
          aria-busy="true"
          sx={{ minHeight: 360, display: 'grid', placeItems: 'center' }}
        >
          <Typography variant="body2">The map loads when you scroll to it.</Typography>
        </Box>
      )}
    </Stack>
  );
}
