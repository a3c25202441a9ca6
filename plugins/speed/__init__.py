"""Speed workarounds: each makes a build faster without changing its output
(a test per plugin compares the output with the plain path). Parallel reading
and writing, linear archives, URL and template caches, the content-cache key,
and the forking helper they share."""
