export { ChromeService } from './chrome_service';
export { Header } from './header';
export type * from './types';
