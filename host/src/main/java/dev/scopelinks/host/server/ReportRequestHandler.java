package dev.scopelinks.host.server;

import dev.scopelinks.host.metrics.HostMetrics;
import java.util.function.Supplier;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Answers the probe: {@code GET /report} (with any query) returns the prepared bytes; other paths
 * are 404 and other methods 405. Nothing is computed here.
 */
final class ReportRequestHandler implements HttpRequestHandler {

    static final String REPORT_PATH = "/report";

    private final Supplier<byte[]> body;
    private final HostMetrics metrics;

    ReportRequestHandler(Supplier<byte[]> body, HostMetrics metrics) {
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
            response.setEntity(new ByteArrayEntity(body.get(), ContentType.APPLICATION_JSON));
        }
        response.setCode(status);
        metrics.requestServed(status);
    }
}
