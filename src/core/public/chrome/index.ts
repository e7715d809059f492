export { ChromeService } from './chrome_service';
export { Header } from './header';
export type * from './types';
export type { ChromeNavControl, ChromeNavControls } from './nav_controls';
