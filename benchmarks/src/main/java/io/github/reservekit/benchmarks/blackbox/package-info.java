/**
 * A shell driven from outside, as users run it: its packaged jar started as a process ({@link
 * io.github.reservekit.benchmarks.blackbox.JarProcess}) and the JSON of a placement it is sent ({@link
 * io.github.reservekit.benchmarks.blackbox.PlacementJson}). The benchmarks use them, and so do cross-shell-tests'
 * integration tests (a test-scoped dependency on this module, without its transitive dependencies: these classes
 * need the JDK alone).
 */
package io.github.reservekit.benchmarks.blackbox;
