import { Fragment } from 'react';

/** Props of {@link BreakableName}. */
export type BreakableNameProps = {
  /** A long technical name: an image, a namespace, a host, a cluster. */
  name: string;
};

// Where a person reads a name in parts: after a path, word, port/tag or domain separator.
const BREAK_AFTER = /([/\-:.])/;

// A dot splits a host ("ghcr." + "io") but not a version ("2.3." + "9" reads badly).
function mayBreakAfter(parts: string[], index: number): boolean {
  const rest = parts.slice(index + 1).join('');
  if (!BREAK_AFTER.test(parts[index]) || rest === '') return false;
  return parts[index] !== '.' || !/^\d/.test(rest);
}

/**
 * A long name that may wrap only between its parts (after `/`, `-`, `:`, or a `.` outside
 * a version number), never inside a word: "ghcr.io/kartverket/matrikkel-api" breaks as
 * "ghcr.io/kartverket/" + "matrikkel-api", not "matrik" + "kel-api". Its text stays whole
 * for copy and search.
 */
export function BreakableName(props: BreakableNameProps) {
  const parts = props.name.split(BREAK_AFTER);
  return (
    <span style={{ overflowWrap: 'normal', wordBreak: 'normal' }}>
      {parts.map((part, index) =>
        mayBreakAfter(parts, index) ? (
          <Fragment key={index}>
            {part}
            <wbr />
          </Fragment>
        ) : (
          part
        ),
      )}
    </span>
  );
}
