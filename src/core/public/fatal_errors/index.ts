export { FatalErrorsService } from './fatal_errors_service';
export type { FatalErrorsSetup, FatalErrorsStart } from './fatal_errors_service';
