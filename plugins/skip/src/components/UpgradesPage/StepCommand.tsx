import Box from '@material-ui/core/Box';

/** Props of {@link StepCommand}. */
export type StepCommandProps = { display?: string };

/** The command of a step as a person would type it, or what the portal checks itself. */
export function StepCommand(props: StepCommandProps) {
  if (!props.display) return null;
  return (
    <Box
      component="pre"
      m={0}
      mt={0.5}
      p={1}
      bgcolor="action.hover"
      style={{
        fontFamily: 'monospace',
        fontSize: '0.85em',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      <code>{props.display}</code>
    </Box>
  );
}
