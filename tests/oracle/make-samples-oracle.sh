#!/bin/sh
# Regenerate tests/oracle/samples/: what the real Jekyll (Debian's jekyll 4.3.1, ruby-jekyll-feed)
# makes of samples/. Run it after every change to samples/, then review the diff by eye.
#
#   sh tests/oracle/make-samples-oracle.sh
#
# The scripts live in ../shared/oracle (beside the repository); they never write to samples/.
# TZ and ORACLE_TIME are pinned so that two runs give the same bytes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
oracle=${ORACLE_SCRIPTS:-$repo/../shared/oracle}
out=$here/samples

export TZ=UTC
export ORACLE_TIME=2026-11-25T00:00:00Z
export ORACLE_WORK=${ORACLE_WORK:-/tmp/oracle-work-samples}
export ORACLE_FEED_WORK=${ORACLE_FEED_WORK:-/tmp/oracle-feed-work-samples}

# The work copies are rebuilt from scratch so that no file deleted from samples/ lingers there.
rm -rf "$ORACLE_WORK/samples" "$ORACLE_FEED_WORK/samples" "$out/content"
ruby "$oracle/make-oracle.rb" "$repo/samples" "$out"
rm -f "$out/feeds.tsv"
ORACLE_FEED_TSV="$out/feeds.tsv" ruby "$oracle/feed-oracle.rb" "$repo/samples" "$out"
if [ -x "$oracle/../validators/validate" ] && command -v xmllint > /dev/null; then
  ORACLE_FEED_VALIDATE=${ORACLE_FEED_VALIDATE:-/tmp/oracle-feed-validate-samples} \
    sh "$oracle/validate-feeds.sh" "$here"
  # validate-feeds.sh tabulates every <dir>/feed.xml under its argument; keep its table with the feed.
  mv "$here/feeds-validation.tsv" "$out/feeds-validation.tsv"
else
  echo "feed validation skipped: ../shared/validators/validate or xmllint missing"
fi
