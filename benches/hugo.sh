#!/usr/bin/env bash
# `polydoc build` against Hugo on the build bench's corpus, in the same
# script, alternating runs: the static site generator users compare with.
#
#   POLYDOC_BENCH_DIR=/dev/shm/corpus cargo bench --bench build   # makes the corpus
#   bash benches/hugo.sh /dev/shm/corpus [runs]
#
# Hugo (Debian's `hugo`; `apt-get install hugo`) builds the same three
# content folders as one multilingual site: goldmark with raw HTML,
# highlighting into CSS classes (chroma), and a page template that writes
# what polydoc's pages carry that Hugo does without code of ours: the
# title, hreflang alternates and a language switcher from the
# translations, and the table of contents. Hugo neither checks links nor
# writes navigation or a search index, so the comparison favours it.
# Prints each run's wall time and peak memory, the medians, and the ratio.
set -euo pipefail

corpus=${1:?usage: benches/hugo.sh CORPUS_DIR [runs]}
runs=${2:-3}
corpus=$(cd "$corpus" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
polydoc="$repo/target/release/polydoc"
command -v hugo >/dev/null || { echo "error: hugo is not installed (Debian: apt-get install hugo)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "error: GNU time (/usr/bin/time) is needed for peak memory (Debian: apt-get install time)" >&2; exit 2; }
[ -d "$corpus/content" ] || { echo "error: $corpus/content is missing: make the corpus with POLYDOC_BENCH_DIR=$corpus cargo bench --bench build" >&2; exit 2; }
(cd "$repo" && cargo build --release --quiet)

# Both outputs in RAM where there is some, as the build bench's: the
# disk's writeback of one run would decide the next run's time.
tmp=${TMPDIR:-/tmp}
[ -w /dev/shm ] && tmp=/dev/shm
site=$(mktemp -d "$tmp/polydoc-hugo.XXXXXX")
trap 'rm -rf "$site"' EXIT
mkdir -p "$site/layouts/_default"
{
  echo 'baseURL = "/"'
  echo 'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]'
  weight=1
  for dir in "$corpus"/content/*/; do
    locale=$(basename "$dir")
    [ "$weight" = 1 ] && echo "defaultContentLanguage = \"$locale\""
    printf '[languages.%s]\ncontentDir = "%s"\nweight = %d\n' "$locale" "$dir" "$weight"
    weight=$((weight + 1))
  done
  printf '[markup.goldmark.renderer]\nunsafe = true\n[markup.highlight]\nnoClasses = false\n'
} > "$site/hugo.toml"
cat > "$site/layouts/_default/single.html" <<'EOF'
<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>{{ range .Translations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .RelPermalink }}">{{ end }}</head><body><nav>{{ range .Translations }}<a href="{{ .RelPermalink }}">{{ .Lang }}</a> {{ end }}</nav>{{ .TableOfContents }}<main>{{ .Content }}</main></body></html>
EOF
cat > "$site/layouts/_default/list.html" <<'EOF'
<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
EOF

# One run: "seconds kilobytes".
measure() {
  /usr/bin/time -o "$site/time" -f "%e %M" "$@" >/dev/null 2>&1 || true
  cat "$site/time"
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

: > "$site/polydoc"
: > "$site/hugo"
for run in $(seq "$runs"); do
  p=$(measure "$polydoc" build --root "$corpus" --out "$site/polydoc-out")
  h=$(measure hugo --quiet --source "$site" --destination "$site/hugo-out")
  echo "$p" >> "$site/polydoc"
  echo "$h" >> "$site/hugo"
  echo "run $run: polydoc build ${p% *}s (${p#* } KB), hugo ${h% *}s (${h#* } KB)"
done
pages=$(find "$site/hugo-out" -name '*.html' | wc -l)
p=$(cut -d' ' -f1 "$site/polydoc" | median)
h=$(cut -d' ' -f1 "$site/hugo" | median)
pm=$(cut -d' ' -f2 "$site/polydoc" | sort -n | tail -1)
hm=$(cut -d' ' -f2 "$site/hugo" | sort -n | tail -1)
echo "hugo $(hugo version | cut -d' ' -f2) wrote $pages HTML files"
awk -v p="$p" -v h="$h" -v pm="$pm" -v hm="$hm" 'BEGIN {
  printf "median: polydoc build %.2fs, hugo %.2fs: hugo takes %.1fx polydoc'"'"'s time\n", p, h, h / p
  printf "peak memory: polydoc %d MiB, hugo %d MiB\n", pm / 1024, hm / 1024
}'
