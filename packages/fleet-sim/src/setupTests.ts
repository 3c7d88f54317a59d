// Starting a simulated fleet signs a fresh CA with node-forge, which takes seconds under jest's
// module system on a loaded 2-core machine; hooks and tests get room for that.
jest.setTimeout(30_000);
