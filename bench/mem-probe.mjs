/**
 * Bench-only probe: `BENCH_HEADLESS_NODE_ARGS="--import ./bench/mem-probe.mjs" MEM_PROBE_OUT=/tmp/probe.jsonl`
 * makes the headless agent append its memory figures (MB) every 500 ms to MEM_PROBE_OUT: RSS, the V8 heap's used
 * and committed sizes, anonymous and file-backed RSS, threads, open files, external array buffers, and the garbage collections so far. Never loaded by the agent itself.
 */
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

const out = process.env.MEM_PROBE_OUT;
const mb = (bytes) => Math.round(bytes / 1_048_576);
const began = performance.now();
const gcs = { minor: 0, major: 0, incremental: 0, weak: 0, pause_ms: 0 };
if (out) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = entry.detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) gcs.minor += 1;
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gcs.major += 1;
      else if (kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) gcs.incremental += 1;
      else gcs.weak += 1;
      gcs.pause_ms += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  setInterval(() => {
    const m = process.memoryUsage();
    const h = getHeapStatistics();
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    const line = {
      anon: Math.round(kb('RssAnon') / 1024),
      file: Math.round(kb('RssFile') / 1024),
      threads: kb('Threads'),
      fds: readdirSync('/proc/self/fd').length,
      s: Math.round((performance.now() - began) / 100) / 10,
      rss: mb(m.rss),
      used: mb(m.heapUsed),
      total: mb(m.heapTotal),
      limit: mb(h.heap_size_limit),
      malloced: mb(h.malloced_memory),
      ext: mb(m.external),
      ab: mb(m.arrayBuffers),
      ...gcs,
      pause_ms: Math.round(gcs.pause_ms),
    };
    appendFileSync(out, `${JSON.stringify(line)}\n`);
    // The address space as it stands, for a look at which mappings hold the RSS (kept per process, overwritten).
    if (Math.round(line.s * 2) % 10 === 0) {
      writeFileSync(`${out}.${process.pid}.smaps`, readFileSync('/proc/self/smaps'));
    }
  }, 500).unref();
}
