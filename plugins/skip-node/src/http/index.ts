export {
  parseInput,
  bodyErrorsAsInputErrors,
  validatorErrorsNamingTheField,
} from './inputErrors';
export type { InputLocation } from './inputErrors';
