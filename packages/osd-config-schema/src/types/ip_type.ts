import { internals } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

export type IpVersion = 'ipv4' | 'ipv6';

export type IpOptions = TypeOptions<string> & {
  /**
   * IP versions to accept, defaults to `['ipv4', 'ipv6']`.
   */
  versions?: IpVersion[];
};

/**
 * An IP address (without CIDR suffix).
 */
export class IpType extends Type<string> {
  private readonly versions: IpVersion[];

  constructor(options: IpOptions = {}) {
    const versions = options.versions ?? ['ipv4', 'ipv6'];
    super(internals.string().ip({ version: versions, cidr: 'forbidden' }), options);
    this.versions = versions;
  }

  protected handleError(type: string, { value }: Record<string, any>) {
    switch (type) {
      case 'string.base':
        return `expected value of type [string] but got [${typeDetect(value)}]`;
      case 'string.ip':
      case 'string.ipVersion':
        return `value must be a valid ${this.versions.join(' or ')} address`;
    }
  }
}
