import { httpControl, runTool, SimTool } from '../gkectl/runTool';

/** The process side of bin/gkectl, bin/gkeadm and bin/gcloud: talks to the simulator at FLEET_SIM_CONTROL_URL. */
export function runToolMain(tool: SimTool): void {
  const url = process.env.FLEET_SIM_CONTROL_URL;
  if (!url) {
    process.stderr.write(`Exit with error:\n${tool} (fleet simulator stand-in) needs FLEET_SIM_CONTROL_URL\n`);
    process.exit(1);
  }
  runTool(
    tool,
    process.argv.slice(2),
    {
      cwd: process.cwd(),
      env: process.env,
      stdout: line => process.stdout.write(`${line}\n`),
      stderr: line => process.stderr.write(`${line}\n`),
      sleep: ms => new Promise(r => setTimeout(r, ms)),
      onSignal: handler => {
        const onInt = () => handler(130);
        const onTerm = () => handler(143);
        process.on('SIGINT', onInt);
        process.on('SIGTERM', onTerm);
        return () => {
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
        };
      },
    },
    httpControl(url),
  ).then(
    code => process.exit(code),
    err => {
      process.stderr.write(`Exit with error:\n${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
