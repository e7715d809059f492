import { buildClientOptions, hostsOf } from './client_config';
import { OpenSearchServiceError } from './errors';
import { configFor } from './test_utils';

const files: Record<string, string> = { '/ca.pem': 'CA1', '/ca2.pem': 'CA2', '/cert.pem': 'CERT', '/key.pem': 'KEY' };
const readFile = (path: string) => {
  if (!(path in files)) {
    throw new Error(`ENOENT: no such file or directory, open '${path}'`);
  }
  return files[path];
};

describe('buildClientOptions', () => {
  it('lists the hosts, one or several, and none when not configured', () => {
    expect(hostsOf(configFor())).toEqual([]);
    expect(hostsOf(configFor({ hosts: 'http://a:9200' }))).toEqual(['http://a:9200']);
    expect(hostsOf(configFor({ hosts: ['http://a:9200', 'https://b:9200'] }))).toEqual(['http://a:9200', 'https://b:9200']);
  });

  it('passes hosts and timeouts, with no auth and no TLS options by default', () => {
    const options = buildClientOptions(configFor({ hosts: 'http://127.0.0.1:9200', requestTimeout: '5s', pingTimeout: 1500 }));
    expect(options).toEqual({ nodes: ['http://127.0.0.1:9200'], requestTimeout: 5000, pingTimeout: 1500 });
  });

  it('sniffs only when asked, with upstream option names', () => {
    const options = buildClientOptions(
      configFor({ hosts: ['http://a:9200', 'http://b:9200'], sniffOnStart: true, sniffInterval: '30s', sniffOnConnectionFault: true })
    );
    expect(options).toMatchObject({ nodes: ['http://a:9200', 'http://b:9200'], sniffOnStart: true, sniffInterval: 30000, sniffOnConnectionFault: true });
    expect(buildClientOptions(configFor({ hosts: 'http://a:9200' }))).not.toHaveProperty('sniffInterval');
  });

  it('uses basic auth from username and password, and refuses a password alone', () => {
    expect(buildClientOptions(configFor({ hosts: 'http://a:9200', username: 'osd', password: 's3cret' })).auth).toEqual({
      username: 'osd',
      password: 's3cret',
    });
    expect(() => buildClientOptions(configFor({ hosts: 'http://a:9200', password: 'x' }))).toThrow(
      '[opensearch.password]: is set but opensearch.username is not'
    );
  });

  it('maps ssl.verificationMode: none skips verification, certificate skips the host name only', () => {
    const none = buildClientOptions(configFor({ hosts: 'https://a:9200', ssl: { verificationMode: 'none' } }));
    expect(none.ssl).toEqual({ rejectUnauthorized: false });
    const certificate = buildClientOptions(configFor({ hosts: 'https://a:9200', ssl: { verificationMode: 'certificate' } }));
    expect(certificate.ssl?.rejectUnauthorized).toBe(true);
    expect(certificate.ssl?.checkServerIdentity?.('a', {} as never)).toBeUndefined();
    expect(buildClientOptions(configFor({ hosts: 'https://a:9200' })).ssl).toBeUndefined();
  });

  it('reads certificate authorities and the client certificate from their files', () => {
    const one = buildClientOptions(configFor({ hosts: 'https://a:9200', ssl: { certificateAuthorities: '/ca.pem' } }), { readFile });
    expect(one.ssl).toEqual({ ca: ['CA1'] });
    const several = buildClientOptions(
      configFor({ hosts: 'https://a:9200', ssl: { certificateAuthorities: ['/ca.pem', '/ca2.pem'], certificate: '/cert.pem', key: '/key.pem' } }),
      { readFile }
    );
    expect(several.ssl).toEqual({ ca: ['CA1', 'CA2'], cert: 'CERT', key: 'KEY' });
  });

  it('fails naming the key when a file cannot be read or the certificate lacks its key', () => {
    let error: unknown;
    try {
      buildClientOptions(configFor({ hosts: 'https://a:9200', ssl: { certificateAuthorities: ['/ca.pem', '/missing.pem'] } }), { readFile });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OpenSearchServiceError);
    expect((error as OpenSearchServiceError).code).toBe('invalid_config');
    expect((error as Error).message).toBe(
      "[opensearch.ssl.certificateAuthorities]: cannot read [/missing.pem]: ENOENT: no such file or directory, open '/missing.pem'"
    );
    expect(() => buildClientOptions(configFor({ hosts: 'https://a:9200', ssl: { certificate: '/cert.pem' } }), { readFile })).toThrow(
      '[opensearch.ssl.certificate]: is set without opensearch.ssl.key; a client certificate needs both'
    );
  });
});
