import 'maplibre-gl/dist/maplibre-gl.css';

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import {
  type FilterSpecification,
  type GeoJSONSource,
  type LngLatBoundsLike,
  Map as MapLibreMap,
  setWorkerUrl,
} from 'maplibre-gl';
// maplibre-gl v6 is ESM-only and looks for its worker next to import.meta.url; inside a Vite
// bundle that file does not exist, so point it at the copy Vite emits.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import {
  type GeoJSONStoreFeatures,
  TerraDraw,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

import { offlineBasemapStyle } from './basemapStyle';
import { DRAW_MODES, type DrawModeName, DRAWING_MODES, modeForKey } from './drawModes';
import {
  type FootprintPart,
  footprintParts,
  isEditablePart,
  joinFootprintParts,
  type LonLat,
  lonLatBounds,
  roundPart,
} from './footprintParts';

setWorkerUrl(maplibreWorkerUrl);

export interface FootprintMapProps {
  /** The item's geometry (GeoJSON Polygon, MultiPolygon, Point, MultiPoint or null). */
  geometry: unknown;
  /** Called with the new geometry after each finished draw/edit/move/delete on the map (null when deleted). */
  onChange: (geometry: unknown) => void;
  /** Extra read-only layers, e.g. training-data extents: a GeoJSON FeatureCollection each, with a colour and a legend label. */
  layers?: readonly { id: string; label: string; color: string; data: unknown }[];
  /** Changes when the map should fit the footprint (and layers). */
  fitRequest?: number;
  /** An online style URL the user chose in settings; undefined = the offline basemap. */
  styleUrl?: string;
}

type OverlayLayer = NonNullable<FootprintMapProps['layers']>[number];

const FOOTPRINT_COLOR = '#e65100';
const NO_LAYERS: readonly OverlayLayer[] = [];
/** terra-draw rejects coordinates with more decimals than its precision (9 by default). */
const COORDINATE_PRECISION = 9;
/** Most of the world without the polar regions Mercator blows up. */
const WORLD: LngLatBoundsLike = [-180, -58, 180, 78];
const FIT_OPTIONS = { padding: 32, maxZoom: 12, duration: 0 } as const;
/** Overlays go below this empty layer, so terra-draw's layers (added later) stay on top. */
const OVERLAY_ANCHOR = 'overlays-top';
/** Parts terra-draw cannot edit (holes, out-of-range positions) are drawn read-only here. */
const FIXED_PARTS_ID = 'footprint-read-only';
/** Guidance features terra-draw keeps in its store next to the drawn ones. */
const GUIDANCE_PROPERTIES = [
  'selectionPoint',
  'midPoint',
  'coordinatePoint',
  'closingPoint',
  'snappingPoint',
  'edited',
];

/** Fit bounds that maplibre can zoom to: a lone point gets a small box around it. */
function fitBox(values: readonly unknown[]): LngLatBoundsLike | undefined {
  const box = lonLatBounds(values);
  if (!box) {
    return undefined;
  }
  const [west, south, east, north] = box;
  const pad = (a: number, b: number) => (b - a < 1e-6 ? 0.01 : 0);
  return [
    [Math.max(-180, west - pad(west, east)), Math.max(-85, south - pad(south, north))],
    [Math.min(180, east + pad(west, east)), Math.min(85, north + pad(south, north))],
  ];
}

/** The footprint's features in terra-draw's store, in drawing order, without guidance points. */
function drawnFeatures(draw: TerraDraw): GeoJSONStoreFeatures[] {
  return draw.getSnapshot().filter((feature) => {
    const properties = feature.properties;
    return (
      DRAWING_MODES.has(String(properties.mode)) &&
      !properties.currentlyDrawing &&
      !GUIDANCE_PROPERTIES.some((key) => properties[key])
    );
  });
}

/** The footprint's pieces as terra-draw holds them, in drawing order. */
function drawnParts(draw: TerraDraw): FootprintPart[] {
  return drawnFeatures(draw).flatMap((feature): FootprintPart[] => {
    const toLonLat = ([lon = 0, lat = 0]: number[]): LonLat => [lon, lat];
    const geometry = feature.geometry;
    if (geometry.type === 'Polygon') {
      return [{ type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(toLonLat)) }];
    }
    return geometry.type === 'Point'
      ? [{ type: 'Point', coordinates: toLonLat(geometry.coordinates) }]
      : [];
  });
}

function createModes() {
  const color = FOOTPRINT_COLOR;
  return [
    new TerraDrawPolygonMode({
      styles: {
        fillColor: color,
        fillOpacity: 0.2,
        outlineColor: color,
        outlineWidth: 2,
        closingPointColor: color,
        closingPointOutlineColor: '#ffffff',
      },
    }),
    new TerraDrawRectangleMode({
      // Dragging is what most people try first; clicking two corners works too.
      drawInteraction: 'click-move-or-drag',
      styles: { fillColor: color, fillOpacity: 0.2, outlineColor: color, outlineWidth: 2 },
    }),
    new TerraDrawPointMode({
      styles: {
        pointColor: color,
        pointWidth: 6,
        pointOutlineColor: '#ffffff',
        pointOutlineWidth: 2,
      },
    }),
    new TerraDrawSelectMode({
      flags: {
        polygon: {
          feature: {
            draggable: true,
            coordinates: { draggable: true, midpoints: true, deletable: true },
          },
        },
        rectangle: {
          feature: { draggable: true, coordinates: { draggable: true, resizable: 'opposite' } },
        },
        point: { feature: { draggable: true } },
      },
      // Delete and Backspace go through the toolbar's handler, which also reports the change.
      keyEvents: { deselect: 'Escape', delete: null, rotate: null, scale: null },
      styles: {
        selectedPolygonColor: color,
        selectedPolygonFillOpacity: 0.35,
        selectedPolygonOutlineColor: color,
        selectedPolygonOutlineWidth: 3,
        selectedPointColor: color,
        selectedPointOutlineColor: '#ffffff',
        selectionPointColor: '#ffffff',
        selectionPointOutlineColor: color,
        selectionPointOutlineWidth: 2,
        midPointColor: color,
        midPointOutlineColor: '#ffffff',
      },
    }),
  ];
}

/** Adds or updates one read-only GeoJSON overlay (fill, outline and points in one colour). */
function setOverlay(map: MapLibreMap, id: string, data: unknown, color: string, dashed = false) {
  const geojson = (data ?? { type: 'FeatureCollection', features: [] }) as Parameters<
    GeoJSONSource['setData']
  >[0];
  const source = map.getSource<GeoJSONSource>(id);
  if (source) {
    source.setData(geojson);
    map.setPaintProperty(`${id}-fill`, 'fill-color', color);
    map.setPaintProperty(`${id}-line`, 'line-color', color);
    map.setPaintProperty(`${id}-point`, 'circle-color', color);
    return;
  }
  map.addSource(id, { type: 'geojson', data: geojson });
  const polygons: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
  map.addLayer(
    {
      id: `${id}-fill`,
      type: 'fill',
      source: id,
      filter: polygons,
      paint: { 'fill-color': color, 'fill-opacity': 0.15 },
    },
    OVERLAY_ANCHOR,
  );
  map.addLayer(
    {
      id: `${id}-line`,
      type: 'line',
      source: id,
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: {
        'line-color': color,
        'line-width': 2,
        ...(dashed ? { 'line-dasharray': [2, 1] } : {}),
      },
    },
    OVERLAY_ANCHOR,
  );
  map.addLayer(
    {
      id: `${id}-point`,
      type: 'circle',
      source: id,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': color,
        'circle-radius': 5,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    OVERLAY_ANCHOR,
  );
}

function removeOverlay(map: MapLibreMap, id: string) {
  for (const suffix of ['-fill', '-line', '-point']) {
    if (map.getLayer(id + suffix)) {
      map.removeLayer(id + suffix);
    }
  }
  if (map.getSource(id)) {
    map.removeSource(id);
  }
}

const overlayId = (layerId: string) => `overlay:${layerId}`;

/**
 * The footprint on a map: draw, edit, move and delete polygons, rectangles and points with
 * terra-draw over an offline Natural Earth basemap. The only component that touches maplibre and
 * terra-draw; load it lazily, since both are large.
 */
export function FootprintMap({
  geometry,
  onChange,
  layers = NO_LAYERS,
  fitRequest,
  styleUrl,
}: FootprintMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const drawRef = useRef<TerraDraw | null>(null);
  const [ready, setReady] = useState(false);
  /** Bumped whenever a new terra-draw instance has started, so effects re-apply to it. */
  const [drawVersion, setDrawVersion] = useState(0);
  const [mode, setMode] = useState<DrawModeName>('select');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fixedCount, setFixedCount] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [viewBounds, setViewBounds] = useState<string>();

  // The map's event handlers live as long as the map; they read the latest props from here.
  const latest = useRef({ geometry, onChange, layers, mode, fitRequest });
  useLayoutEffect(() => {
    latest.current = { geometry, onChange, layers, mode, fitRequest };
  });

  /** JSON of the last geometry prop, to tell an outside change from a re-render. */
  const propKey = useRef<string | undefined>(undefined);
  /** JSON of the geometry the map shows, to tell a real edit from a no-op (a cancelled draw). */
  const shownKey = useRef<string | undefined>(undefined);
  const fixedParts = useRef<FootprintPart[]>([]);
  /** Ids of the footprint's features in terra-draw, to spot their deletion among guidance churn. */
  const drawnIds = useRef(new Set<string | number>());
  /** Set while the map loads a geometry from the props: those store changes are not edits. */
  const syncing = useRef(false);
  const overlayIds = useRef<string[]>([]);
  const fittedFor = useRef(fitRequest);
  /** What the map last framed, until the user pans or zooms: a resized map frames it again. */
  const framed = useRef<LngLatBoundsLike | null>(null);

  const setFixedParts = useCallback((parts: FootprintPart[]) => {
    fixedParts.current = parts;
    setFixedCount(parts.length);
    const map = mapRef.current;
    if (map?.getLayer(OVERLAY_ANCHOR)) {
      const features = parts.map((g) => ({ type: 'Feature', properties: {}, geometry: g }));
      setOverlay(
        map,
        FIXED_PARTS_ID,
        { type: 'FeatureCollection', features },
        FOOTPRINT_COLOR,
        true,
      );
    }
  }, []);

  /** Reports the drawn footprint if it differs from what the map showed before. */
  const emit = useCallback(() => {
    const draw = drawRef.current;
    if (!draw || syncing.current) {
      return;
    }
    drawnIds.current = new Set(
      drawnFeatures(draw).flatMap((f) => (f.id === undefined ? [] : [f.id])),
    );
    const next = joinFootprintParts([...drawnParts(draw), ...fixedParts.current]);
    const key = JSON.stringify(next);
    if (key !== shownKey.current) {
      shownKey.current = key;
      latest.current.onChange(next);
    }
  }, []);

  /** Replaces the drawn features with the geometry's parts (from the form, the JSON or undo). */
  const showGeometry = useCallback(
    (draw: TerraDraw, value: unknown) => {
      const parts = footprintParts(value);
      const selectedIndex = drawnFeatures(draw).findIndex((f) => f.properties.selected);
      const fixed = parts.filter((part) => !isEditablePart(part));
      const editable = parts.filter(isEditablePart);
      const ids: (string | number)[] = [];
      syncing.current = true;
      try {
        draw.clear();
        const features = editable.map((part): GeoJSONStoreFeatures => {
          const id = draw.getFeatureId();
          ids.push(id);
          return {
            id,
            type: 'Feature',
            geometry: roundPart(part, COORDINATE_PRECISION),
            properties: { mode: part.type === 'Point' ? 'point' : 'polygon' },
          };
        });
        draw.addFeatures(features).forEach((result, i) => {
          const part = editable[i];
          if (!result.valid && part) {
            fixed.push(part);
          }
        });
        // An outside change (e.g. the app normalising what was just drawn) keeps the selection.
        const reselect = ids[selectedIndex];
        if (reselect !== undefined && draw.hasFeature(reselect) && draw.getMode() === 'select') {
          draw.selectFeature(reselect);
        }
      } finally {
        syncing.current = false;
      }
      setFixedParts(fixed);
      drawnIds.current = new Set(ids.filter((id) => draw.hasFeature(id)));
      shownKey.current = JSON.stringify(joinFootprintParts([...drawnParts(draw), ...fixed]));
    },
    [setFixedParts],
  );

  const fit = useCallback((map: MapLibreMap) => {
    const { geometry: g, layers: l } = latest.current;
    framed.current = fitBox([g, ...l.map((layer) => layer.data)]) ?? WORLD;
    map.fitBounds(framed.current, FIT_OPTIONS);
  }, []);

  // The map and terra-draw: created once per style, removed on unmount (StrictMode mounts twice).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) {
      return undefined;
    }
    setReady(false);
    setError(null);
    const { geometry: initial, layers: initialLayers } = latest.current;
    const initialBox = fitBox([initial, ...initialLayers.map((layer) => layer.data)]) ?? WORLD;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style:
          styleUrl ??
          offlineBasemapStyle(new URL(import.meta.env.BASE_URL, window.location.href).href),
        bounds: initialBox,
        fitBoundsOptions: FIT_OPTIONS,
        attributionControl: { compact: true },
        // Lets screenshots and tests read the canvas after a frame has been presented.
        canvasContextAttributes: { preserveDrawingBuffer: true },
        // Footprints are drawn north-up; rotation and pitch only get in the way.
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxPitch: 0,
      });
    } catch (e) {
      setError(`The map could not start: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    mapRef.current = map;
    fittedFor.current = latest.current.fitRequest;
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    const showBounds = () =>
      setViewBounds(
        map
          .getBounds()
          .toArray()
          .flat()
          .map((n) => n.toFixed(6))
          .join(','),
      );
    map.on('moveend', showBounds);
    framed.current = initialBox;
    // Only user gestures carry an originalEvent; after one, the user owns the view.
    map.on('movestart', (event) => {
      if (event.originalEvent) {
        framed.current = null;
      }
    });
    // The panel around the map can change size (a legend or note appears, the window resizes).
    map.on('resize', () => {
      if (framed.current) {
        map.fitBounds(framed.current, FIT_OPTIONS);
      }
    });
    map.on('error', (event) => setError(`The map could not load: ${event.error.message}`));
    let draw: TerraDraw | undefined;
    map.once('load', () => {
      map.addLayer({ id: OVERLAY_ANCHOR, type: 'background', layout: { visibility: 'none' } });
      draw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map }),
        modes: createModes(),
      });
      draw.start();
      draw.setMode(latest.current.mode);
      drawRef.current = draw;
      const started = draw;
      started.on('finish', (id, context) => {
        if (context.action === 'draw') {
          // A footprint is areas or points: a new drawing of the other kind replaces the old one.
          const kind = started.getSnapshotFeature(id)?.geometry.type;
          const others = drawnFeatures(started)
            .filter((f) => f.geometry.type !== kind)
            .map((f) => f.id)
            .filter((other): other is string | number => other !== undefined);
          if (others.length > 0) {
            started.removeFeatures(others);
          }
          setFixedParts(fixedParts.current.filter((part) => part.type === kind));
        }
        emit();
      });
      started.on('change', (ids, type) => {
        // terra-draw deletes and re-creates guidance points all the time (also mid-drag); only
        // the deletion of a footprint feature is a finished edit. Our own deletions emit anyway.
        if (type === 'delete' && ids.some((id) => drawnIds.current.has(id))) {
          emit();
        }
      });
      started.on('select', (id) => setSelectedId(String(id)));
      started.on('deselect', () => setSelectedId(null));
      overlayIds.current = [];
      setDrawVersion((v) => v + 1);
      showBounds();
      map.once('idle', () => setReady(true));
    });
    return () => {
      draw?.stop();
      drawRef.current = null;
      mapRef.current = null;
      propKey.current = undefined;
      shownKey.current = undefined;
      map.remove();
    };
  }, [styleUrl, emit, setFixedParts]);

  // Outside changes to the geometry replace what the map shows; echoes of our own edits do not.
  useEffect(() => {
    const draw = drawRef.current;
    if (!draw) {
      return;
    }
    const key = JSON.stringify(geometry ?? null);
    if (key === propKey.current) {
      return;
    }
    propKey.current = key;
    // The app hands back what was just drawn (maybe normalised); only a different one is redrawn.
    if (key !== shownKey.current) {
      showGeometry(draw, geometry);
    }
  }, [geometry, drawVersion, showGeometry]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !map.getLayer(OVERLAY_ANCHOR)) {
      return;
    }
    const ids = layers.map((layer) => overlayId(layer.id));
    for (const stale of overlayIds.current.filter((id) => !ids.includes(id))) {
      removeOverlay(map, stale);
    }
    for (const layer of layers) {
      setOverlay(map, overlayId(layer.id), layer.data, layer.color);
    }
    overlayIds.current = ids;
  }, [layers, drawVersion]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && fitRequest !== fittedFor.current) {
      fittedFor.current = fitRequest;
      fit(map);
    }
  }, [fitRequest, fit]);

  useEffect(() => {
    const draw = drawRef.current;
    if (draw?.enabled && draw.getMode() !== mode) {
      draw.setMode(mode);
    }
  }, [mode, drawVersion]);

  const deleteSelected = () => {
    const draw = drawRef.current;
    if (!draw || selectedId === null) {
      return;
    }
    const id = draw.getSnapshot().find((f) => String(f.id) === selectedId)?.id;
    if (id !== undefined) {
      draw.removeFeatures([id]);
    }
    setSelectedId(null);
    emit();
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    const draw = drawRef.current;
    const next = modeForKey(event.key);
    if (next) {
      setMode(next);
      event.preventDefault();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      deleteSelected();
      event.preventDefault();
    } else if (event.key === 'Escape' && draw?.enabled) {
      if (draw.getModeState() === 'drawing') {
        // Restarting the mode drops the unfinished shape; terra-draw has no cancel call.
        draw.setMode(draw.getMode());
      } else if (selectedId !== null) {
        const id = draw.getSnapshot().find((f) => String(f.id) === selectedId)?.id;
        if (id !== undefined) {
          draw.deselectFeature(id);
        }
      }
    }
  };

  return (
    <Box
      role="region"
      aria-label="Footprint map"
      data-map-ready={ready && !error ? 'true' : 'false'}
      data-map-bounds={viewBounds}
      onKeyDown={onKeyDown}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1, height: '100%', minHeight: 320 }}
    >
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center', rowGap: 1 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={mode}
          disabled={drawVersion === 0}
          onChange={(_event, value: DrawModeName | null) => {
            // Clicking the active tool again would unselect it; a tool is always active.
            if (value) {
              setMode(value);
            }
          }}
          aria-label="Drawing tool"
        >
          {DRAW_MODES.map((m) => (
            <ToggleButton
              key={m.mode}
              value={m.mode}
              aria-label={m.name}
              aria-keyshortcuts={m.key.toUpperCase()}
              title={`${m.name} (${m.key.toUpperCase()})`}
            >
              {m.text}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Button
          size="small"
          variant="outlined"
          color="error"
          disabled={selectedId === null}
          onClick={deleteSelected}
          aria-label="Delete selected"
          aria-keyshortcuts="Delete"
          title="Delete selected (Delete)"
        >
          Delete
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      <Box
        ref={containerRef}
        sx={{ flex: 1, minHeight: 240, borderRadius: 1, overflow: 'hidden', position: 'relative' }}
      />
      {fixedCount > 0 && (
        <Typography variant="caption" color="text.secondary">
          {fixedCount === 1 ? 'One part' : `${fixedCount} parts`} of the footprint (dashed) can’t be
          edited on the map: polygons with holes or positions outside the longitude/latitude range.
        </Typography>
      )}
      {layers.length > 0 && (
        <Stack
          component="ul"
          direction="row"
          aria-label="Map legend"
          sx={{ flexWrap: 'wrap', gap: 2, m: 0, p: 0, listStyle: 'none' }}
        >
          {[
            { key: 'footprint', label: 'Footprint', color: FOOTPRINT_COLOR },
            ...layers.map((layer) => ({ ...layer, key: `layer:${layer.id}` })),
          ].map((layer) => (
            <Stack
              component="li"
              key={layer.key}
              direction="row"
              spacing={0.75}
              sx={{ alignItems: 'center' }}
            >
              <Box
                aria-hidden
                sx={{
                  width: 14,
                  height: 14,
                  borderRadius: 0.5,
                  bgcolor: layer.color,
                  border: 1,
                  borderColor: 'divider',
                }}
              />
              <Typography variant="body2">{layer.label}</Typography>
            </Stack>
          ))}
        </Stack>
      )}
    </Box>
  );
}
