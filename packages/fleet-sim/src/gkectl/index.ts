export { GkectlService } from './GkectlService';
export type { GkectlBehaviour, GkectlFailure, GkectlInvocation, GkectlRunPlan, GkectlRunRequest, Workstation } from './GkectlService';
export { runTool, httpControl, parseArgs, buildRequest } from './runTool';
export type { GkectlControl, ToolIo } from './runTool';
export { registerGkectlRoutes } from './registerGkectlRoutes';
export { kubernetesVersionFor, parsePlatformVersion, compareVersions, bundleVersion } from './versions';
