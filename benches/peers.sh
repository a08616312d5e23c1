#!/usr/bin/env bash
# polydoc against the tools users compare it with, on the build bench's
# corpus, in the same script, alternating runs: `polydoc build` against
# Hugo, `polydoc check` against lychee. A peer that is not installed is
# skipped with the command that installs it.
#
#   POLYDOC_BENCH_DIR=/dev/shm/corpus cargo bench --bench build   # makes the corpus
#   bash benches/peers.sh /dev/shm/corpus [runs]
#
# Hugo (Debian's `hugo`; `apt-get install hugo`) builds the same three
# content folders as one multilingual site: goldmark with raw HTML,
# highlighting into CSS classes (chroma), and a page template that writes
# what polydoc's pages carry that Hugo does without code of ours: the
# title, hreflang alternates and a language switcher from the
# translations, and the table of contents. Hugo neither checks links nor
# writes navigation or a search index, so the comparison favours it.
#
# lychee (`cargo install lychee --locked`, about six minutes on two
# cores) checks every Markdown file's links offline, fragments included
# (`--offline --include-fragments`): what `polydoc check`'s `broken-link`
# and `missing-anchor` do, without DocFX syntax or any comparison across
# locales. Both write JSON reports.
#
# Prints each run's wall time and peak memory, the medians, and the ratios.
set -euo pipefail

corpus=${1:?usage: benches/peers.sh CORPUS_DIR [runs]}
runs=${2:-3}
corpus=$(cd "$corpus" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
polydoc="$repo/target/release/polydoc"
[ -x /usr/bin/time ] || { echo "error: GNU time (/usr/bin/time) is needed for peak memory (Debian: apt-get install time)" >&2; exit 2; }
[ -d "$corpus/content" ] || { echo "error: $corpus/content is missing: make the corpus with POLYDOC_BENCH_DIR=$corpus cargo bench --bench build" >&2; exit 2; }
(cd "$repo" && cargo build --release --quiet)

# Both outputs in RAM where there is some, as the build bench's: the
# disk's writeback of one run would decide the next run's time.
tmp=${TMPDIR:-/tmp}
[ -w /dev/shm ] && tmp=/dev/shm
site=$(mktemp -d "$tmp/polydoc-peers.XXXXXX")
trap 'rm -rf "$site"' EXIT

# One run: "seconds kilobytes".
measure() {
  /usr/bin/time -o "$site/time" -f "%e %M" "$@" >/dev/null 2>&1 || true
  cat "$site/time"
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# compare LABEL PEER -- POLYDOC_ARGS... -- PEER_COMMAND...: alternating runs.
compare() {
  local label=$1 peer=$2
  shift 3
  local ours=()
  while [ "$1" != -- ]; do ours+=("$1"); shift; done
  shift
  : > "$site/ours"
  : > "$site/theirs"
  local run p h
  for run in $(seq "$runs"); do
    p=$(measure "$polydoc" "${ours[@]}")
    h=$(measure "$@")
    echo "$p" >> "$site/ours"
    echo "$h" >> "$site/theirs"
    echo "run $run: polydoc $label ${p% *}s (${p#* } KB), $peer ${h% *}s (${h#* } KB)"
  done
  awk -v l="$label" -v peer="$peer" \
    -v p="$(cut -d' ' -f1 "$site/ours" | median)" -v h="$(cut -d' ' -f1 "$site/theirs" | median)" \
    -v pm="$(cut -d' ' -f2 "$site/ours" | sort -n | tail -1)" -v hm="$(cut -d' ' -f2 "$site/theirs" | sort -n | tail -1)" \
    'BEGIN {
      printf "median: polydoc %s %.2fs, %s %.2fs: %s takes %.1fx polydoc'"'"'s time\n", l, p, peer, h, peer, h / p
      printf "peak memory: polydoc %s %d MiB, %s %d MiB\n", l, pm / 1024, peer, hm / 1024
    }'
}

hugo_site() {
  mkdir -p "$site/hugo/layouts/_default"
  {
    echo 'baseURL = "/"'
    echo 'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]'
    local weight=1 dir
    for dir in "$corpus"/content/*/; do
      [ "$weight" = 1 ] && echo "defaultContentLanguage = \"$(basename "$dir")\""
      printf '[languages.%s]\ncontentDir = "%s"\nweight = %d\n' "$(basename "$dir")" "$dir" "$weight"
      weight=$((weight + 1))
    done
    printf '[markup.goldmark.renderer]\nunsafe = true\n[markup.highlight]\nnoClasses = false\n'
  } > "$site/hugo/hugo.toml"
  printf '%s' '<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>{{ range .Translations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .RelPermalink }}">{{ end }}</head><body><nav>{{ range .Translations }}<a href="{{ .RelPermalink }}">{{ .Lang }}</a> {{ end }}</nav>{{ .TableOfContents }}<main>{{ .Content }}</main></body></html>' \
    > "$site/hugo/layouts/_default/single.html"
  printf '%s' '<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>' \
    > "$site/hugo/layouts/_default/list.html"
}

if command -v hugo >/dev/null; then
  hugo_site
  compare build hugo -- build --root "$corpus" --out "$site/polydoc-out" \
    -- hugo --quiet --source "$site/hugo" --destination "$site/hugo-out"
  echo "$(hugo version | cut -d' ' -f1-2) wrote $(find "$site/hugo-out" -name '*.html' | wc -l) HTML files"
else
  echo "hugo is not installed: skipped (Debian: apt-get install hugo)"
fi

if command -v lychee >/dev/null; then
  files="$corpus/content/**/*.md"
  compare check lychee -- check --root "$corpus" --format json \
    -- lychee --offline --include-fragments --no-progress --format json "$files"
  links=$(lychee --offline --include-fragments --no-progress --format json "$files" 2>/dev/null |
    grep -o '"total": *[0-9]*' | grep -o '[0-9]*$' || true)
  echo "$(lychee --version) checked ${links:-?} links"
else
  echo "lychee is not installed: skipped (cargo install lychee --locked)"
fi
