import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

export function WelcomeMessage() {
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        Check a STAC Item with the MLM extension
      </Typography>
      <Typography variant="body2">Bring in an item in any of three ways:</Typography>
      <Box component="ul" sx={{ my: 1, pl: 3, typography: 'body2', '& li': { mb: 0.5 } }}>
        <li>
          <strong>Open</strong> a file with <em>Open item JSON</em>.
        </li>
        <li>
          <strong>Drop</strong> a .json file anywhere on this page.
        </li>
        <li>
          <strong>Paste or type</strong> the JSON into <em>Item JSON</em>; it is checked as you
          type.
        </li>
      </Box>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        No item at hand? <em>New minimal item</em> starts from a small valid one. Everything stays
        in your browser.
      </Typography>
    </Paper>
  );
}
