import { Logger } from '../../logging';
import { responseFactory } from './response';
import { RequestHandler, RouteConfig, RouteMethod, IRouter, RouteConfigOptions } from './types';

/** One registered route, as the HTTP server mounts it. */
export interface RouterRoute {
  method: RouteMethod;
  path: string;
  validate: RouteConfig<unknown, unknown, unknown>['validate'];
  options: RouteConfigOptions;
  handler: RequestHandler<any, any, any>;
  pluginId?: string;
}

const pathPattern = /^\/[^\s?#]*$/;

function statusOf(error: any): number | undefined {
  const status = error?.output?.statusCode ?? error?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Collects routes during setup. Mistakes in a route definition throw at once, at registration, with the route
 * named, so a plugin author sees them on the first start.
 */
export class Router implements IRouter {
  public readonly routes: RouterRoute[] = [];
  private locked = false;

  constructor(public readonly routerPath: string, private readonly log: Logger, private readonly pluginId?: string) {}

  public get = this.registrar('get');
  public post = this.registrar('post');
  public put = this.registrar('put');
  public delete = this.registrar('delete');
  public patch = this.registrar('patch');

  /** Called by the server when it starts listening: later registrations are refused. */
  public lock() {
    this.locked = true;
  }

  public handleLegacyErrors<P, Q, B>(handler: RequestHandler<P, Q, B>): RequestHandler<P, Q, B> {
    return async (context, request, response) => {
      try {
        return await handler(context, request, response);
      } catch (e) {
        const status = statusOf(e);
        if (status && status >= 400 && status < 500) {
          return responseFactory.customError({ statusCode: status, body: { message: (e as Error).message } });
        }
        throw e;
      }
    };
  }

  private registrar(method: RouteMethod) {
    return <P, Q, B>(route: RouteConfig<P, Q, B>, handler: RequestHandler<P, Q, B>) => {
      const where = `[${method.toUpperCase()} ${route?.path}]`;
      if (this.locked) {
        throw new Error(`Route ${where} cannot be registered after the server started: register routes in setup.`);
      }
      if (!route || typeof route.path !== 'string' || !pathPattern.test(route.path)) {
        throw new Error(`Route ${where}: "path" must be a string starting with a slash.`);
      }
      if (route.validate === undefined || route.validate === null || route.validate === (true as any)) {
        throw new Error(
          `The [${method}] at [${route.path}] does not have a 'validate' specified. Use 'false' as the value if you want to bypass validation.`
        );
      }
      if (route.validate !== false && typeof route.validate !== 'object') {
        throw new Error(`Route ${where}: "validate" must be an object or false.`);
      }
      if ((method === 'get' || method === 'delete') && route.validate && route.validate.body) {
        throw new Error(`Route ${where}: a ${method.toUpperCase()} route cannot validate a body.`);
      }
      if (typeof handler !== 'function') {
        throw new Error(`Route ${where}: the handler must be a function.`);
      }
      const duplicate = this.routes.find((r) => r.method === method && r.path === route.path);
      if (duplicate) throw new Error(`Route ${where} is already registered.`);
      this.routes.push({
        method,
        path: route.path,
        validate: route.validate as RouterRoute['validate'],
        options: route.options ?? {},
        handler: handler as RequestHandler<any, any, any>,
        pluginId: this.pluginId,
      });
      this.log.debug(`registered route ${where}`);
    };
  }
}
