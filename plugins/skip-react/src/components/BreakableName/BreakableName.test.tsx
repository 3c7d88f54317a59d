import { render } from '@testing-library/react';
import { BreakableName } from './BreakableName';

function breakOpportunities(container: HTMLElement): string[] {
  // The text before each <wbr>: where the browser may wrap the name.
  return Array.from(container.querySelectorAll('wbr')).map(
    wbr => wbr.previousSibling?.textContent ?? '',
  );
}

describe('BreakableName', () => {
  it('lets an image name wrap after its separators only, keeping its text whole', () => {
    const { container } = render(
      <BreakableName name="ghcr.io/kartverket/matrikkel-api:v2.4.0" />,
    );
    expect(container.textContent).toBe(
      'ghcr.io/kartverket/matrikkel-api:v2.4.0',
    );
    // Not inside the version: "v2." + "4.0" would read as two things.
    expect(breakOpportunities(container)).toEqual(['.', '/', '/', '-', ':']);
    // Every piece between two break opportunities is a whole word.
    expect(
      container.innerHTML
        .replace(/<\/?span[^>]*>/g, '')
        .split('<wbr>')
        .map(piece => piece.replace(/[/\-:.]$/, '')),
    ).toEqual(['ghcr', 'io', 'kartverket', 'matrikkel', 'api', 'v2.4.0']);
  });

  it('adds no break opportunity to a name without separators, nor after a trailing one', () => {
    const { container } = render(<BreakableName name="matrikkel" />);
    expect(container.querySelectorAll('wbr')).toHaveLength(0);
    const trailing = render(<BreakableName name="atkv3-" />).container;
    expect(breakOpportunities(trailing)).toEqual([]);
    expect(trailing.textContent).toBe('atkv3-');
  });
});
