#!/usr/bin/env node
/**
 * Dolos (@dodona/dolos-lib) as a peer for the source-code benchmark.
 *
 * Modes
 *   node dolos_pairs.mjs pairs PAIRS.csv [--out FILE]
 *       Score every pair listed in a CSV with columns a,b (paths relative to the CSV's
 *       folder). Prints one JSON line per pair: {a, b, language, similarity, overlap,
 *       longest, left_total, right_total} or {a, b, error}.
 *   node dolos_pairs.mjs folder DIR [--language NAME] [--fragments-above T]
 *       Analyse every file under DIR (all pairs, as the Dolos CLI does; one run per language,
 *       since Dolos analyses one language per run) and print a JSON summary with the time of
 *       each phase; fragments are built for pairs with similarity >= T (default 0.5).
 *   node dolos_pairs.mjs languages
 *       Print the languages and extensions this Dolos version supports.
 *
 * Scoring follows Dolos exactly: default options (k-gram length 23, window 17, comments
 * ignored) and score = Pair.similarity = (covered k-grams of both files) / (k-grams of both
 * files). There is one fingerprint index per language, holding every file of that language;
 * a pair's language is the first Dolos language accepting both extensions (a.c with b.h is
 * C), and a pair in a language Dolos has no parser for gets an error. Sharing an index does
 * not change a pair's similarity while the maxFingerprint* options stay unset (Dolos'
 * default). Files are tokenised one by one so that one bad file costs only its own pairs
 * (Dolos.analyze would abort the whole run).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { csvParse } from "d3-dsv";
import { Dolos, File, FingerprintIndex, LanguagePicker, Options } from "@dodona/dolos-lib";

/** Parse "--name value" options after the positional arguments. */
function parseArgs(argv) {
  const positional = [];
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith("--")) {
      options[argv[i].slice(2)] = argv[i + 1];
      i++;
    } else {
      positional.push(argv[i]);
    }
  }
  return { positional, options };
}

/** The Dolos languages whose extensions include this path's (in Dolos' own order). */
function languagesOf(filePath) {
  const ext = path.extname(filePath).toLowerCase();
  return LanguagePicker.languages.filter(l => l.name !== "char" && l.extensions.includes(ext));
}

/**
 * The Dolos language of a pair: the first language that accepts both extensions (so that
 * x.c with y.h is C, as in a C project), or an error text.
 */
function pairLanguage(a, b) {
  const la = languagesOf(a);
  const lb = languagesOf(b);
  if (!la.length || !lb.length) {
    return { error: `unsupported language (${path.extname(!la.length ? a : b) || "no extension"})` };
  }
  const shared = la.find(l => lb.includes(l));
  if (!shared) return { error: `languages differ (${la[0].name} vs ${lb[0].name})` };
  return { language: shared };
}

/** Read a file as Dolos does (UTF-8, invalid bytes replaced). */
async function readFile(filePath, displayPath) {
  const buffer = await fs.readFile(filePath);
  return new File(displayPath ?? filePath, buffer.toString());
}

/** Tokenise files of one language into one index; returns {index, byPath, errors}. */
async function indexLanguage(language, files) {
  const options = new Options();
  const tokenizer = await language.createTokenizer({ includeComments: options.includeComments });
  const index = new FingerprintIndex(options.kgramLength, options.kgramsInWindow, options.kgramData);
  const tokenized = [];
  const byPath = new Map();
  const errors = new Map();
  for (const file of files) {
    try {
      const t = tokenizer.tokenizeFile(file);
      tokenized.push(t);
      byPath.set(file.path, t);
    } catch (err) {
      errors.set(file.path, `tokenize: ${err.message}`);
    }
  }
  index.addFiles(tokenized);
  return { index, byPath, errors };
}

/** The JSON record of one scored pair. */
function pairRecord(a, b, language, pair) {
  return {
    a, b, language: language.name,
    similarity: pair.similarity,
    overlap: pair.overlap,
    longest: pair.longest,
    left_total: pair.leftTotal,
    right_total: pair.rightTotal,
  };
}

/** Score the pairs of a CSV; yields JSON-ready records in CSV order. */
async function scorePairs(csvPath) {
  const base = path.dirname(path.resolve(csvPath));
  const rows = csvParse(await fs.readFile(csvPath, "utf8"));
  const groups = new Map(); // language name -> {language, paths:Set}
  const verdict = rows.map(({ a, b }) => {
    const v = pairLanguage(a, b);
    if (v.error) return v;
    if (!groups.has(v.language.name)) groups.set(v.language.name, { language: v.language, paths: new Set() });
    groups.get(v.language.name).paths.add(a).add(b);
    return v;
  });
  const indexes = new Map();
  for (const [name, { language, paths }] of groups) {
    const files = [];
    const readErrors = new Map();
    for (const p of [...paths].sort()) {
      try {
        files.push(await readFile(path.resolve(base, p), p));
      } catch (err) {
        readErrors.set(p, `read: ${err.message}`);
      }
    }
    const built = await indexLanguage(language, files);
    for (const [p, e] of readErrors) built.errors.set(p, e);
    indexes.set(name, built);
  }
  return rows.map(({ a, b }, i) => {
    if (verdict[i].error) return { a, b, error: verdict[i].error };
    const language = verdict[i].language;
    const { index, byPath, errors } = indexes.get(language.name);
    const bad = errors.get(a) ?? errors.get(b);
    if (bad) return { a, b, language: language.name, error: bad };
    return pairRecord(a, b, language, index.getPair(byPath.get(a).file, byPath.get(b).file));
  });
}

/** Every regular file under a folder, sorted. */
async function listFiles(dir) {
  const out = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  return out.sort();
}

/** One Dolos analysis of files of one language: all pairs, fragments of the similar ones. */
async function analyseGroup(files, languageName, fragmentsAbove, clock) {
  let t = performance.now();
  const tick = key => { const now = performance.now(); clock[key] += now - t; t = now; };
  const report = await new Dolos({ language: languageName }).analyze(files);
  tick("tokenize_index");
  const pairs = report.allPairs();
  tick("all_pairs");
  let fragmentPairs = 0;
  let fragments = 0;
  let maxSimilarity = 0;
  for (const pair of pairs) {
    maxSimilarity = Math.max(maxSimilarity, pair.similarity);
    if (pair.similarity >= fragmentsAbove) {
      fragments += pair.buildFragments().length;
      fragmentPairs++;
    }
  }
  tick("fragments");
  return { language: languageName, files: files.length, pairs: pairs.length,
    pairs_with_fragments: fragmentPairs, fragments, max_similarity: maxSimilarity, warnings: report.warnings };
}

/**
 * Dolos over a whole folder, all pairs, as its CLI computes them. Dolos analyses one
 * language per run, so a mixed folder gets one run per language (in this process, one
 * after the other); files in no Dolos language are counted and skipped. With --language,
 * one run over every file.
 */
async function analyseFolder(dir, options) {
  const t0 = performance.now();
  const files = await Promise.all((await listFiles(dir)).map(p => readFile(p)));
  const clock = { read: performance.now() - t0, tokenize_index: 0, all_pairs: 0, fragments: 0 };
  const fragmentsAbove = Number(options["fragments-above"] ?? 0.5);
  const groups = new Map();
  let skipped = 0;
  for (const file of files) {
    const name = options.language ?? languagesOf(file.path)[0]?.name;
    if (!name) { skipped++; continue; }
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(file);
  }
  const runs = [];
  for (const [name, group] of [...groups].sort()) {
    if (group.length >= 2) runs.push(await analyseGroup(group, name, fragmentsAbove, clock));
  }
  const sum = key => runs.reduce((n, r) => n + r[key], 0);
  const sec = ms => Math.round(ms) / 1000;
  return {
    tool: "dolos", files: files.length, files_analysed: sum("files"), files_skipped: skipped,
    language: runs.map(r => r.language).join("+"), pairs: sum("pairs"),
    pairs_with_fragments: sum("pairs_with_fragments"), fragments: sum("fragments"),
    fragments_above: fragmentsAbove, runs,
    seconds: { read: sec(clock.read), tokenize_index: sec(clock.tokenize_index), all_pairs: sec(clock.all_pairs),
      fragments: sec(clock.fragments), total: sec(performance.now() - t0) },
    rss_mb: Math.round(process.memoryUsage().rss / 1048576),
  };
}

/** The languages this Dolos supports, with their extensions. */
function languages() {
  return LanguagePicker.languages.map(l => ({ name: l.name, extensions: l.extensions }));
}

async function main() {
  const { positional, options } = parseArgs(process.argv.slice(2));
  const [mode, target] = positional;
  if (mode === "pairs" && target) {
    const lines = (await scorePairs(target)).map(r => JSON.stringify(r)).join("\n") + "\n";
    if (options.out) await fs.writeFile(options.out, lines);
    else process.stdout.write(lines);
  } else if (mode === "folder" && target) {
    process.stdout.write(JSON.stringify(await analyseFolder(target, options)) + "\n");
  } else if (mode === "languages") {
    process.stdout.write(JSON.stringify(languages()) + "\n");
  } else {
    process.stderr.write("usage: dolos_pairs.mjs pairs PAIRS.csv [--out FILE] | folder DIR "
      + "[--language NAME] [--fragments-above T] | languages\n");
    process.exit(2);
  }
}

main().catch(err => {
  process.stderr.write(`dolos_pairs: ${err.stack ?? err}\n`);
  process.exit(1);
});
