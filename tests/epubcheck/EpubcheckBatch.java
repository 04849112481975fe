// epubcheck over many books in one JVM, for the test suite.
//
// The epubcheck command line checks one book per JVM, and most of its ~5 s per run is spent
// loading and compiling its schemas, which epubcheck keeps in static caches: checking every book
// of a test program in one JVM pays that once. The checks themselves are epubcheck's own
// (com.adobe.epubcheck.api.EpubCheck, the default profile, as `epubcheck book.epub` uses).
//
// Protocol (stdin/stdout, UTF-8): one book path per input line; for each, the report lines
// epubcheck wrote, then one line `=== <fatal> <errors> <warnings> <exit code>`.
// Run with: java -cp /usr/share/java/epubcheck.jar tests/epubcheck/EpubcheckBatch.java

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

public class EpubcheckBatch {
    // One line per fatal error, error and warning, as `epubcheck -q` prints them:
    // SEVERITY(ID): path(line,column): message.
    static final class LineReport extends MasterReport {
        final PrintWriter out;

        LineReport(PrintWriter out) { this.out = out; }

        @Override
        public void message(Message message, EPUBLocation location, Object... args) {
            Severity s = message.getSeverity();
            if (s != Severity.FATAL && s != Severity.ERROR && s != Severity.WARNING) return;
            String where = location == null ? "" : location.getPath();
            if (location != null && location.getLine() >= 0)
                where += "(" + location.getLine() + "," + location.getColumn() + ")";
            out.println(s + "(" + message.getID() + "): " + where + ": "
                        + message.getMessage(args).replace('\n', ' '));
        }

        @Override
        public void info(String resource, FeatureEnum feature, String value) {}

        @Override
        public int generate() { return 0; }

        @Override
        public void initialize() {}
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        // Anything epubcheck prints on its own goes to stderr, so it cannot break the protocol.
        System.setOut(System.err);
        String path;
        while ((path = in.readLine()) != null) {
            StringWriter text = new StringWriter();
            LineReport report = new LineReport(new PrintWriter(text, true));
            report.setEpubFileName(path);
            int code;
            try {
                code = new EpubCheck(new File(path), report).doValidate();
            } catch (Throwable t) {
                text.write("FATAL: epubcheck threw " + t + "\n");
                code = 4;
            }
            String body = text.toString();
            for (String line : body.split("\n")) {
                if (line.isEmpty()) continue;
                out.println(line.startsWith("===") ? " " + line : line);
            }
            out.println("=== " + report.getFatalErrorCount() + " " + report.getErrorCount() + " "
                        + report.getWarningCount() + " " + code);
        }
    }
}
