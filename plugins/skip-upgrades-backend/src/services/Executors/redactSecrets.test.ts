import { redactSecrets } from './redactSecrets';

const PEM = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACBx',
  'abc',
  '-----END OPENSSH PRIVATE KEY-----',
  '',
].join('\n');

describe('redactSecrets', () => {
  it('masks every occurrence of a secret', () => {
    expect(redactSecrets('token=s3cr3t and again s3cr3t.', ['s3cr3t'])).toBe(
      'token=*** and again ***.',
    );
  });

  it('masks each long line of a multi-line secret when it is printed line by line', () => {
    expect(
      redactSecrets(
        'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
        [PEM],
      ),
    ).toBe('***');
    expect(redactSecrets('  QyNTUxOQAAACBx', [PEM])).toBe('  ***');
    expect(redactSecrets('-----END OPENSSH PRIVATE KEY-----', [PEM])).toBe(
      '***',
    );
  });

  it('leaves short lines of a multi-line secret alone, so ordinary output stays readable', () => {
    expect(redactSecrets('abc def', [PEM])).toBe('abc def');
  });

  it('masks a secret that contains another one whole', () => {
    expect(redactSecrets('pw=hunter2-long', ['hunter2', 'hunter2-long'])).toBe(
      'pw=***',
    );
  });

  it('ignores empty secrets and returns text without secrets unchanged', () => {
    expect(redactSecrets('nothing here', ['', 'absent'])).toBe('nothing here');
  });
});
