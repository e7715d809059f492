import { IBasePath } from './types';

/** The base path logic, pure: used by `http.basePath` and by the router. */
export class BasePath implements IBasePath {
  constructor(private readonly basePath: string = '', public readonly serverBasePath: string = basePath) {}

  public get() {
    return this.basePath;
  }

  public prepend(url: string) {
    if (!this.basePath || !url.startsWith('/') || url.startsWith('//')) return url;
    if (url === this.basePath || url.startsWith(`${this.basePath}/`)) return url;
    return `${this.basePath}${url}`;
  }

  public remove(url: string) {
    if (!this.basePath) return url;
    if (url === this.basePath) return '/';
    if (url.startsWith(`${this.basePath}/`) || url.startsWith(`${this.basePath}?`) || url.startsWith(`${this.basePath}#`)) {
      const rest = url.slice(this.basePath.length);
      return rest.startsWith('/') ? rest : `/${rest}`;
    }
    return url;
  }
}
