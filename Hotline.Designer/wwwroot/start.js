// Starts Elsa Studio's Blazor runtime (blazor.webassembly.js is loaded with autostart="false").
// By default the runtime fetches each of its ~130 files with cache: 'no-cache', so a second visit still asks the host
// about every one of them; the host serves the fingerprinted ones as immutable (StudioFiles), so let the browser's HTTP
// cache answer. Integrity checks are unchanged.
Blazor.start({ configureRuntime: runtime => runtime.withConfig({ disableNoCacheFetch: true }) });
