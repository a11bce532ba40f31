#!/usr/bin/env bash
# Takes docs/screenshots/projects.png and schema.png with the app's own snapshot under headless
# Monocle (no display needed): a fresh data folder imports the sample days, the project switcher
# is opened, then the label schema editor. See org.quotelab.ui.ProjectScreenshots.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
    -Dai.djl.offline=true -Dmonocle.screen.width=1280 -Dmonocle.screen.height=800 \
    -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    org.quotelab.ui.ProjectScreenshots docs/screenshots
