export { NotificationsService } from './notifications_service';
export type { NotificationsSetup, NotificationsStart } from './notifications_service';
export { ToastsApi, DEFAULT_TOAST_LIFETIMES } from './toasts_api';
export type { IToasts, Toast, ToastInput, ToastInputFields, ErrorToastOptions, ToastLifetimeKind } from './toasts_api';
export { GlobalToastList } from './global_toast_list';
