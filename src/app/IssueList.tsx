import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import Typography from '@mui/material/Typography';

import type { Finding } from '../../schemas/finding';
import { MONOSPACE_FONTS } from '../shared/fonts';
import { formatPointer } from './formatPointer';
import { SEVERITY_LABEL, SeverityIcon } from './SeverityIcon';

// The rows of the Issues panel, loaded after the first render (List and its parts stay off the
// first load): findings only exist once the validator, which loads then too, has checked the item.

function IssueRow({
  finding,
  onShow,
  onFix,
}: {
  finding: Finding;
  onShow: (finding: Finding) => void;
  onFix?: (finding: Finding) => void;
}) {
  return (
    <ListItem divider disablePadding sx={{ alignItems: 'stretch' }}>
      <ListItemButton
        onClick={() => onShow(finding)}
        title="Show this place in the item JSON"
        sx={{
          alignItems: 'flex-start',
          gap: 1.5,
          py: 1.25,
          '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
        }}
      >
        <SeverityIcon severity={finding.severity} fontSize="small" sx={{ mt: '2px' }} />
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 1 }}>
            <Typography
              variant="body2"
              component="span"
              sx={{ fontWeight: 600, color: `${finding.severity}.dark` }}
            >
              {SEVERITY_LABEL[finding.severity]}
            </Typography>
            <Typography
              variant="body2"
              component="code"
              sx={{ fontFamily: MONOSPACE_FONTS, overflowWrap: 'anywhere' }}
            >
              {formatPointer(finding.path)}
            </Typography>
          </Box>
          <Typography variant="body2" sx={{ mt: 0.25 }}>
            {finding.message}
          </Typography>
          <Typography
            variant="caption"
            component="code"
            sx={{ fontFamily: MONOSPACE_FONTS, color: 'text.secondary' }}
          >
            {finding.code}
          </Typography>
        </Box>
      </ListItemButton>
      {finding.fix && onFix && (
        // Beside the row's button, not inside it: one control per action.
        <Box sx={{ display: 'flex', alignItems: 'center', pr: 1.5, pl: 0.5, maxWidth: '40%' }}>
          <Button size="small" variant="outlined" onClick={() => onFix(finding)}>
            {finding.fix.label}
          </Button>
        </Box>
      )}
    </ListItem>
  );
}

/**
 * Rows rendered at most. An item with 20,000 broken entries has as many findings; rendering them
 * all took seconds per keystroke, and nobody reads past the first few hundred before fixing them.
 */
export const MAX_LISTED_ISSUES = 300;

/** The findings as rows: each shows its place in the item JSON, and offers its quick fix. */
export function IssueList({
  findings,
  onShow,
  onFix,
}: {
  findings: readonly Finding[];
  onShow: (finding: Finding) => void;
  onFix?: ((finding: Finding) => void) | undefined;
}) {
  return (
    <List disablePadding>
      {findings.slice(0, MAX_LISTED_ISSUES).map((finding, index) => (
        <IssueRow
          key={`${index}|${finding.path}|${finding.code}`}
          finding={finding}
          onShow={onShow}
          onFix={onFix}
        />
      ))}
      {findings.length > MAX_LISTED_ISSUES && (
        <ListItem>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            …and {findings.length - MAX_LISTED_ISSUES} more issues, listed once some of the ones
            above are fixed.
          </Typography>
        </ListItem>
      )}
    </List>
  );
}
