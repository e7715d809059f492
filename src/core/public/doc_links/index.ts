export { DocLinksService } from './doc_links_service';
export type { DocLinksStart } from './doc_links_service';
