/**
 * The SKIP Portal permission policy, as a module of the permission backend.
 *
 * @packageDocumentation
 */
export { permissionModuleSkipPolicy as default } from './module';
export { SkipPermissionPolicy } from './SkipPermissionPolicy';
