import { CodeSnippet } from '@backstage/core-components';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import ExpandMore from '@material-ui/icons/ExpandMore';

/** Props of {@link ManifestView}. */
export type ManifestViewProps = {
  /** The live object as YAML, as the backend sends it (without managedFields). */
  manifest: string;
};

/**
 * The live object as YAML, folded by default: it is long, and most drill-downs are answered
 * by the summary, conditions and events above it. Long lines scroll inside the snippet, not
 * the page.
 */
export function ManifestView(props: ManifestViewProps) {
  return (
    <Accordion variant="outlined" TransitionProps={{ unmountOnExit: true }}>
      <AccordionSummary expandIcon={<ExpandMore />}>
        <Typography variant="body2">
          The live object, without managed fields
        </Typography>
      </AccordionSummary>
      <AccordionDetails style={{ display: 'block', minWidth: 0 }}>
        <CodeSnippet
          text={props.manifest}
          language="yaml"
          showCopyCodeButton
          customStyle={{ margin: 0, maxHeight: 480, overflow: 'auto' }}
        />
      </AccordionDetails>
    </Accordion>
  );
}
