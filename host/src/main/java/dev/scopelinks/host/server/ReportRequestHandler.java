package dev.scopelinks.host.server;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.report.ReportBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Answers the probe: {@code GET /report} (with any query) returns the prepared bytes; other paths
 * are 404 and other methods 405. Nothing is computed here.
 */
final class ReportRequestHandler implements HttpRequestHandler {

    static final String REPORT_PATH = "/report";

    private final Supplier<ReportBody> body;
    private final HostMetrics metrics;

    ReportRequestHandler(Supplier<ReportBody> body, HostMetrics metrics) {
        this.body = body;
        this.metrics = metrics;
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) {
        String path = request.getPath() == null ? "" : request.getPath();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int status;
        if (!REPORT_PATH.equals(path)) {
            status = HttpStatus.SC_NOT_FOUND;
            response.setEntity(new StringEntity("not found: scope-links serves GET /report\n", ContentType.TEXT_PLAIN));
        } else if (!Method.GET.isSame(request.getMethod()) && !Method.HEAD.isSame(request.getMethod())) {
            status = HttpStatus.SC_METHOD_NOT_ALLOWED;
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
            response.setEntity(new StringEntity("method not allowed: use GET\n", ContentType.TEXT_PLAIN));
        } else {
            status = HttpStatus.SC_OK;
            response.setEntity(new BodyEntity(body.get()));
        }
        response.setCode(status);
        metrics.requestServed(status);
    }

    /** The prepared body as an HTTP entity, written piece by piece without being copied into one array first. */
    private static final class BodyEntity extends AbstractHttpEntity {
        private final ReportBody body;

        BodyEntity(ReportBody body) {
            super(ContentType.APPLICATION_JSON, null);
            this.body = body;
        }

        @Override
        public long getContentLength() {
            return body.length();
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(body.toByteArray());
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            body.writeTo(out);
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
            // nothing to release: the body is shared, immutable memory
        }
    }
}
