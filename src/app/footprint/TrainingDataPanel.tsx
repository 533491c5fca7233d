import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef } from 'react';

import type { TrainingExtent } from './trainingExtent';
import { splitColor, type TrainingLink } from './trainingLinks';

function OpenLinkedFile({ label, onFile }: { label: string; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => input.current?.click()}>
        Open its file
      </Button>
      <input
        ref={input}
        hidden
        type="file"
        accept=".json,application/json,application/geo+json"
        aria-label={label}
        onChange={(e) => {
          const [file] = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (file) {
            onFile(file);
          }
        }}
      />
    </>
  );
}

/**
 * The datasets the model was trained, validated and tested on: each derived_from link, its split,
 * and a way to open the linked STAC Collection or Item file so its extent shows on the map.
 */
export function TrainingDataPanel({
  links,
  extents,
  errors,
  onOpen,
  onUseAsFootprint,
}: {
  links: readonly TrainingLink[];
  extents: Readonly<Record<string, TrainingExtent>>;
  errors: Readonly<Record<string, string>>;
  onOpen: (link: TrainingLink, file: File) => void;
  onUseAsFootprint: () => void;
}) {
  // Own entries only: an href such as "constructor" must not find Object's members.
  const extentOf = (href: string) => (Object.hasOwn(extents, href) ? extents[href] : undefined);
  const errorOf = (href: string) => (Object.hasOwn(errors, href) ? errors[href] : undefined);
  const loaded = links.filter((l) => extentOf(l.href));
  return (
    <Stack spacing={1} sx={{ width: '100%' }}>
      {links.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Add a link below with relation “derived_from” for each dataset (with its ml-aoi split:
          train, validate or test); then open its STAC Collection or Item file to see its extent on
          the footprint map.
        </Typography>
      ) : (
        <Box component="ul" aria-label="Training data" sx={{ m: 0, pl: 0, listStyle: 'none' }}>
          {links.map((link) => {
            const name = link.title ?? link.href;
            const extent = extentOf(link.href);
            return (
              <Stack
                component="li"
                key={`${link.index}:${link.href}`}
                direction="row"
                spacing={1}
                sx={{ alignItems: 'center', py: 0.5 }}
              >
                <Box
                  aria-hidden
                  sx={{
                    width: 14,
                    height: 14,
                    borderRadius: 0.5,
                    bgcolor: splitColor(link.split),
                    flexShrink: 0,
                  }}
                />
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                    {name} · {link.split ?? 'no split'}
                    {link.role ? ` · ${link.role}` : ''}
                  </Typography>
                  <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                    {extent
                      ? `${extent.description}: extent shown on the footprint map`
                      : (errorOf(link.href) ?? 'Extent not loaded')}
                  </Typography>
                </Box>
                <OpenLinkedFile
                  label={`Open the file of ${name}`}
                  onFile={(file) => onOpen(link, file)}
                />
              </Stack>
            );
          })}
        </Box>
      )}
      {Object.values(errors).length > 0 && (
        <Alert severity="warning">Some linked files could not be read; see each link.</Alert>
      )}
      <Box>
        <Button variant="outlined" disabled={loaded.length === 0} onClick={onUseAsFootprint}>
          Use training extent as footprint
        </Button>
      </Box>
    </Stack>
  );
}
