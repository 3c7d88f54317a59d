import '@testing-library/jest-dom';

// A rendered page with its drill-down takes a few seconds on a busy 2-core CI machine; the
// 5 s default failed there while the page itself was right. Slowness is measured by the
// benchmark, not by test timeouts.
jest.setTimeout(30_000);
