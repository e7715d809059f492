const { javaMajor, missingTools, plan } = require('./prerequisites');

/** A probe of a machine with the given commands answering (`java` prints `javaVersion`) and files present. */
function machine({ commands = [], files = [], javaVersion = 'openjdk version "17.0.9" 2023-10-17', env = {} } = {}) {
  return {
    env,
    exists: (path) => files.includes(path),
    run: (command) => (commands.includes(command) ? { ok: true, output: command === 'java' ? javaVersion : '' } : { ok: false, output: '' }),
  };
}
const names = (tools) => tools.map((tool) => tool.name);

describe('npm test prerequisites', () => {
  it('reads the Java major version of old and new version strings', () => {
    expect(javaMajor(machine({ commands: ['java'] }))).toBe(17);
    expect(javaMajor(machine({ commands: ['java'], javaVersion: 'openjdk version "21" 2023-09-19' }))).toBe(21);
    expect(javaMajor(machine({ commands: ['java'], javaVersion: 'java version "1.8.0_381"' }))).toBe(8);
    expect(javaMajor(machine({ commands: [] }))).toBe(0);
  });

  it('finds what is missing: Java too old, Maven, Chromium at its path (or OSD_CHROMIUM_PATH), openssl', () => {
    const complete = machine({ commands: ['java', 'mvn', 'openssl'], files: ['/usr/bin/chromium'] });
    expect(names(missingTools(complete))).toEqual([]);
    expect(names(missingTools(machine({ commands: ['java', 'openssl'], javaVersion: 'openjdk version "11.0.2"' })))).toEqual(['Java 17+', 'Maven', 'Chromium']);
    const custom = machine({ commands: ['java', 'mvn', 'openssl'], files: ['/opt/chrome'], env: { OSD_CHROMIUM_PATH: '/opt/chrome' } });
    expect(names(missingTools(custom))).toEqual([]);
  });

  it('installs as root with apt-get, else stops with one line naming the tools and the command', () => {
    const missing = missingTools(machine({ commands: ['java', 'openssl'] }));
    expect(plan([], { isRoot: false, hasAptGet: true })).toEqual({ action: 'none' });
    expect(plan(missing, { isRoot: true, hasAptGet: true })).toEqual({ action: 'install', packages: ['maven', 'chromium'] });
    expect(plan(missing, { isRoot: false, hasAptGet: true })).toEqual({
      action: 'stop',
      message: 'npm test needs Maven, Chromium: install them with: sudo apt-get install -y maven chromium, then run npm test again.',
    });
    expect(plan(missing, { isRoot: true, hasAptGet: false }).message).toBe('npm test needs Maven, Chromium: install maven, chromium with your package manager, then run npm test again.');
  });
});
