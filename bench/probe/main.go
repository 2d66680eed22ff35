// Command probe-poll polls scope-links plugin sockets the way Weave Scope v1.13.2's probe does and
// reports what the probe would have seen: per-poll latency (request plus decode, inside the probe's
// 500 ms budget), how many polls decoded and how many were dropped, and why.
//
// What it mirrors from the probe (facts read from Scope's probe/plugins package):
//   - one http.Client per socket, HTTP/1.1 keep-alive over the UNIX socket, a dial timeout and a
//     client timeout of 500 ms;
//   - a 500 ms context around each GET /report?api_version=1&probe_id=…, and the body decoded with
//     ugorji's JSON codec while it is read, inside that same context; a body over 50 MB is refused;
//   - the decode target has Scope's shape: topology keys -> nodes -> latest entries holding a
//     time.Time and a string, metadata templates, and exactly one Plugins entry;
//   - sockets are polled one after another, each with its own budget.
//
// Usage:
//
//	probe-poll [-interval 1s] [-duration 10s | -polls N] [-budget 500ms] [-label NAME] [NAME=]SOCKET|DIR...
//	probe-poll grow IN.json OUT.json MEGABYTES      (a captured body scaled to a size, for calibration)
//	probe-poll proxy LISTEN TARGET STATS-FILE       (a TCP proxy counting API requests and bytes)
//	probe-poll fresh SOCKET API-URL ROUNDS          (change -> visible in the report, deletes included)
//
// A directory is walked like the probe's plugin root: every socket in it (at any depth) is polled;
// all sockets are polled one after another in each round, as the probe does.
// Output is one summary line per socket, as key=value pairs, easy to read and to parse.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ugorji/go/codec"
)

const maxResponseBytes = 50 * 1024 * 1024

var errTooLarge = errors.New("response must be shorter than 50MB")

// latestEntry is one value of a node's latest map, as Scope keeps it.
type latestEntry struct {
	Timestamp time.Time `json:"timestamp"`
	Value     string    `json:"value"`
}

type node struct {
	ID        string                 `json:"id,omitempty"`
	Topology  string                 `json:"topology,omitempty"`
	Sets      map[string][]string    `json:"sets,omitempty"`
	Adjacency []string               `json:"adjacency,omitempty"`
	Latest    map[string]latestEntry `json:"latest,omitempty"`
	Parents   map[string][]string    `json:"parents,omitempty"`
}

type metadataTemplate struct {
	ID       string  `json:"id"`
	Label    string  `json:"label,omitempty"`
	DataType string  `json:"dataType,omitempty"`
	Priority float64 `json:"priority,omitempty"`
	From     string  `json:"from,omitempty"`
	Truncate int     `json:"truncate,omitempty"`
}

type topology struct {
	Shape             string                      `json:"shape,omitempty"`
	Tag               string                      `json:"tag,omitempty"`
	Label             string                      `json:"label,omitempty"`
	LabelPlural       string                      `json:"label_plural,omitempty"`
	Nodes             map[string]node             `json:"nodes,omitempty"`
	MetadataTemplates map[string]metadataTemplate `json:"metadata_templates,omitempty"`
	TableTemplates    map[string]interface{}      `json:"table_templates,omitempty"`
}

type pluginSpec struct {
	ID          string   `json:"id"`
	Label       string   `json:"label"`
	Description string   `json:"description,omitempty"`
	Interfaces  []string `json:"interfaces"`
	APIVersion  string   `json:"api_version,omitempty"`
}

// report has the probe's topology keys; keys it does not know are skipped, as Scope skips them.
type report struct {
	Endpoint              topology     `json:"Endpoint"`
	Process               topology     `json:"Process"`
	Container             topology     `json:"Container"`
	ContainerImage        topology     `json:"ContainerImage"`
	Pod                   topology     `json:"Pod"`
	Service               topology     `json:"Service"`
	Deployment            topology     `json:"Deployment"`
	ReplicaSet            topology     `json:"ReplicaSet"`
	DaemonSet             topology     `json:"DaemonSet"`
	StatefulSet           topology     `json:"StatefulSet"`
	CronJob               topology     `json:"CronJob"`
	Job                   topology     `json:"Job"`
	Namespace             topology     `json:"Namespace"`
	Host                  topology     `json:"Host"`
	Overlay               topology     `json:"Overlay"`
	ECSTask               topology     `json:"ECSTask"`
	ECSService            topology     `json:"ECSService"`
	SwarmService          topology     `json:"SwarmService"`
	PersistentVolume      topology     `json:"PersistentVolume"`
	PersistentVolumeClaim topology     `json:"PersistentVolumeClaim"`
	StorageClass          topology     `json:"StorageClass"`
	VolumeSnapshot        topology     `json:"VolumeSnapshot"`
	VolumeSnapshotData    topology     `json:"VolumeSnapshotData"`
	Plugins               []pluginSpec `json:"Plugins,omitempty"`
}

func (r *report) topologies() []*topology {
	return []*topology{&r.Endpoint, &r.Process, &r.Container, &r.ContainerImage, &r.Pod, &r.Service,
		&r.Deployment, &r.ReplicaSet, &r.DaemonSet, &r.StatefulSet, &r.CronJob, &r.Job, &r.Namespace,
		&r.Host, &r.Overlay, &r.ECSTask, &r.ECSService, &r.SwarmService, &r.PersistentVolume,
		&r.PersistentVolumeClaim, &r.StorageClass, &r.VolumeSnapshot, &r.VolumeSnapshotData}
}

// limitedReader refuses to read past the probe's 50 MB limit.
type limitedReader struct {
	r     io.Reader
	left  int64
	bytes int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	l.bytes += int64(n)
	return n, err
}

type target struct {
	label   string
	socket  string
	id      string
	client  *http.Client
	results []time.Duration // decoded polls only
	dropped map[string]int
	bytes   int64
	nodes   int
	latest  int
}

func newTarget(socket string, budget time.Duration) *target {
	transport := &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			dialer := net.Dialer{Timeout: budget}
			return dialer.DialContext(ctx, "unix", socket)
		},
	}
	id := strings.TrimSuffix(filepath.Base(socket), filepath.Ext(socket))
	return &target{socket: socket, id: id, client: &http.Client{Transport: transport, Timeout: budget},
		dropped: map[string]int{}}
}

// poll does what the probe's Plugin.Report does and returns how long it took, or why it failed.
func (t *target) poll(budget time.Duration, probeID string) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()
	started := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet,
		"http://plugin/report?api_version=1&probe_id="+probeID, nil)
	if err != nil {
		return 0, err
	}
	resp, err := t.client.Do(req)
	if err != nil {
		return 0, classify(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("status-%d", resp.StatusCode)
	}
	body := &limitedReader{r: resp.Body, left: maxResponseBytes}
	var decoded report
	if err := codec.NewDecoder(body, &codec.JsonHandle{}).Decode(&decoded); err != nil {
		if errors.Is(err, errTooLarge) {
			return 0, errors.New("too-large")
		}
		return 0, classify(err)
	}
	elapsed := time.Since(started)
	if len(decoded.Plugins) != 1 {
		return 0, fmt.Errorf("plugins-%d", len(decoded.Plugins))
	}
	spec := decoded.Plugins[0]
	switch {
	case spec.ID != t.id:
		return 0, errors.New("wrong-id")
	case spec.APIVersion != "1":
		return 0, errors.New("wrong-api-version")
	case spec.Label == "":
		return 0, errors.New("no-label")
	}
	t.bytes = body.bytes
	t.nodes, t.latest = 0, 0
	for _, topo := range decoded.topologies() {
		for _, n := range topo.Nodes {
			t.nodes++
			t.latest += len(n.Latest)
		}
	}
	return elapsed, nil
}

func classify(err error) error {
	var netErr net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()) ||
		strings.Contains(err.Error(), "deadline exceeded") || strings.Contains(err.Error(), "canceled") {
		return errors.New("timeout")
	}
	if strings.Contains(err.Error(), "connect") {
		return errors.New("connect")
	}
	return errors.New("decode")
}

func (t *target) summary(label string) string {
	ms := quantiles(t.results, "%.1f")
	drops := 0
	var reasons []string
	for reason, n := range t.dropped {
		drops += n
		reasons = append(reasons, fmt.Sprintf("%s:%d", reason, n))
	}
	sort.Strings(reasons)
	why := strings.Join(reasons, ",")
	if why == "" {
		why = "-"
	}
	return fmt.Sprintf("label=%s socket=%s polls=%d decoded=%d dropped=%d why=%s p50=%s p90=%s p99=%s max=%s bytes=%d nodes=%d latest=%d",
		label, t.id, len(t.results)+drops, len(t.results), drops, why, ms(0.50), ms(0.90), ms(0.99), ms(1.0),
		t.bytes, t.nodes, t.latest)
}

// sockets finds every UNIX socket under root, as the probe's registry does.
func sockets(root string) ([]string, error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if info.Mode()&os.ModeSocket != 0 {
		return []string{root}, nil
	}
	var found []string
	err = filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err == nil && info.Mode()&os.ModeSocket != 0 {
			found = append(found, path)
		}
		return nil
	})
	sort.Strings(found)
	return found, err
}

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "grow":
			grow(os.Args[2:])
			return
		case "proxy":
			proxy(os.Args[2:])
			return
		case "fresh":
			fresh(os.Args[2:])
			return
		}
	}
	interval := flag.Duration("interval", time.Second, "time between the starts of two rounds (0: back to back, a burst)")
	duration := flag.Duration("duration", 10*time.Second, "how long to poll")
	polls := flag.Int("polls", 0, "number of rounds (overrides -duration)")
	budget := flag.Duration("budget", 500*time.Millisecond, "the probe's budget for request and decode")
	label := flag.String("label", "scope-links", "name of this run in the output")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: probe-poll [flags] SOCKET|PLUGIN-ROOT...")
		os.Exit(2)
	}
	var targets []*target
	for _, arg := range flag.Args() {
		name := *label
		if i := strings.Index(arg, "="); i > 0 {
			name, arg = arg[:i], arg[i+1:]
		}
		found, err := sockets(arg)
		if err != nil || len(found) == 0 {
			fmt.Fprintf(os.Stderr, "probe-poll: no socket at %s\n", arg)
			os.Exit(2)
		}
		for _, s := range found {
			t := newTarget(s, *budget)
			t.label = name
			targets = append(targets, t)
		}
	}
	deadline := time.Now().Add(*duration)
	for round := 0; ; round++ {
		if *polls > 0 && round >= *polls || *polls == 0 && !time.Now().Before(deadline) {
			break
		}
		started := time.Now()
		for _, t := range targets {
			elapsed, err := t.poll(*budget, "bench")
			if err != nil {
				t.dropped[err.Error()]++
			} else {
				t.results = append(t.results, elapsed)
			}
		}
		if wait := *interval - time.Since(started); wait > 0 {
			time.Sleep(wait)
		}
	}
	for _, t := range targets {
		fmt.Println(t.summary(t.label))
	}
}

// grow writes a copy of a captured report body with every topology's nodes repeated (ids made
// unique) until the body reaches a size, for calibrating against bodies larger than a demo gives.
// Usage: probe-poll grow IN OUT MEGABYTES
func grow(args []string) {
	if len(args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: probe-poll grow IN.json OUT.json MEGABYTES")
		os.Exit(2)
	}
	in, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var megabytes float64
	fmt.Sscanf(args[2], "%g", &megabytes)
	var body map[string]interface{}
	handle := &codec.JsonHandle{}
	handle.MapType = reflect.TypeOf(map[string]interface{}(nil))
	if err := codec.NewDecoderBytes(in, handle).Decode(&body); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// Each topology keeps its share of the nodes: scaled by the size asked for, repeating the
	// captured nodes under new ids when it grows, keeping the first ones when it shrinks.
	factor := megabytes * 1e6 / float64(len(in))
	for _, value := range body {
		topo, ok := value.(map[string]interface{})
		if !ok {
			continue
		}
		nodes, ok := topo["nodes"].(map[string]interface{})
		if !ok || len(nodes) == 0 {
			continue
		}
		ids := make([]string, 0, len(nodes))
		for id := range nodes {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		want := int(float64(len(ids))*factor + 0.5)
		if want < 1 {
			want = 1
		}
		grown := map[string]interface{}{}
		for i := 0; i < want; i++ {
			id := ids[i%len(ids)]
			copyID := id
			if i >= len(ids) {
				copyID = fmt.Sprintf("%d%s", i/len(ids), id)
			}
			entry := map[string]interface{}{}
			for k, v := range nodes[id].(map[string]interface{}) {
				entry[k] = v
			}
			entry["id"] = copyID
			grown[copyID] = entry
		}
		topo["nodes"] = grown
	}
	var out []byte
	if err := codec.NewEncoderBytes(&out, handle).Encode(body); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(args[1], out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// proxyStats counts what one side sends through the proxy.
type proxyStats struct {
	mu          sync.Mutex
	connections int
	requests    int
	gets        int
	watches     int
	upBytes     int64
	downBytes   int64
}

// requestLine matches an HTTP/1.1 request line at the start of a line of what a client sends.
var requestLine = regexp.MustCompile(`(?m)^(GET|POST|PUT|PATCH|DELETE) (\S+) HTTP/1\.1\r$`)

// proxy forwards TCP from LISTEN to TARGET and writes, every second, what went through: API
// requests (watches, and other GETs such as lists, apart) and bytes each way. Counting at the TCP level sees every
// request a client makes, watches over WebSocket included, without changing them.
// Usage: probe-poll proxy LISTEN-ADDR TARGET-ADDR STATS-FILE
func proxy(args []string) {
	if len(args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: probe-poll proxy LISTEN-ADDR TARGET-ADDR STATS-FILE")
		os.Exit(2)
	}
	listener, err := net.Listen("tcp", args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	stats := &proxyStats{}
	go func() {
		for range time.Tick(time.Second) {
			stats.mu.Lock()
			line := fmt.Sprintf("connections=%d requests=%d gets=%d watches=%d up_bytes=%d down_bytes=%d\n",
				stats.connections, stats.requests, stats.gets, stats.watches, stats.upBytes, stats.downBytes)
			stats.mu.Unlock()
			_ = os.WriteFile(args[2]+".tmp", []byte(line), 0o644)
			_ = os.Rename(args[2]+".tmp", args[2])
		}
	}()
	for {
		client, err := listener.Accept()
		if err != nil {
			continue
		}
		go func() {
			defer client.Close()
			server, err := net.Dial("tcp", args[1])
			if err != nil {
				return
			}
			defer server.Close()
			stats.mu.Lock()
			stats.connections++
			stats.mu.Unlock()
			done := make(chan struct{}, 2)
			go func() {
				buf := make([]byte, 64*1024)
				tail := ""
				for {
					n, err := client.Read(buf)
					if n > 0 {
						text := tail + string(buf[:n])
						matches := requestLine.FindAllStringSubmatch(text, -1)
						stats.mu.Lock()
						stats.upBytes += int64(n)
						for _, m := range matches {
							stats.requests++
							if m[1] == "GET" && strings.Contains(m[2], "watch=") {
								stats.watches++
							} else if m[1] == "GET" {
								stats.gets++
							}
						}
						stats.mu.Unlock()
						// Keep the end of what was read, so a request line split across reads still counts once.
						if i := strings.LastIndex(text, "\n"); i >= 0 {
							tail = text[i+1:]
						} else {
							tail = text
						}
						if len(tail) > 4096 {
							tail = tail[len(tail)-4096:]
						}
						if _, werr := server.Write(buf[:n]); werr != nil {
							break
						}
					}
					if err != nil {
						break
					}
				}
				done <- struct{}{}
			}()
			go func() {
				buf := make([]byte, 64*1024)
				for {
					n, err := server.Read(buf)
					if n > 0 {
						stats.mu.Lock()
						stats.downBytes += int64(n)
						stats.mu.Unlock()
						if _, werr := client.Write(buf[:n]); werr != nil {
							break
						}
					}
					if err != nil {
						break
					}
				}
				done <- struct{}{}
			}()
			<-done
		}()
	}
}

// fresh measures how long a change takes to show in the report: it relabels a Deployment whose
// team label feeds a link, creates a Service and deletes it again, straight through the API
// server, and polls the socket until the report shows each change (for the delete: until the
// Service's node is gone). Prints percentiles per kind of change and over all of them.
// Usage: probe-poll fresh SOCKET API-URL ROUNDS
func fresh(args []string) {
	if len(args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: probe-poll fresh SOCKET API-URL ROUNDS")
		os.Exit(2)
	}
	socket, api := args[0], strings.TrimSuffix(args[1], "/")
	var rounds int
	fmt.Sscanf(args[2], "%d", &rounds)
	// A changed object may live on any shard: read every plugin socket under the root the given
	// socket is in (<root>/<id>/<id>.sock), as the probe would, and look in all their bodies.
	root := filepath.Dir(filepath.Dir(socket))
	clients := map[string]*http.Client{}
	client := func(path string) *http.Client {
		if c, ok := clients[path]; ok {
			return c
		}
		c := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "unix", path)
		}}, Timeout: 10 * time.Second}
		clients[path] = c
		return c
	}
	apiClient := &http.Client{Timeout: 10 * time.Second}
	// read returns every shard's body, or nil when any shard cannot be read (so a delete is never
	// taken as seen because the shard holding the node did not answer).
	read := func() []byte {
		paths, err := sockets(root)
		if err != nil || len(paths) == 0 {
			return nil
		}
		var all []byte
		for _, path := range paths {
			resp, err := client(path).Get("http://plugin/report?api_version=1&probe_id=fresh")
			if err != nil {
				return nil
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK {
				return nil
			}
			all = append(all, body...)
		}
		return all
	}
	// waitFor polls until visible(body) holds, for at most 30 s; returns the time taken or -1.
	waitFor := func(started time.Time, visible func([]byte) bool) time.Duration {
		for time.Since(started) < 30*time.Second {
			if visible(read()) {
				return time.Since(started)
			}
			time.Sleep(10 * time.Millisecond)
		}
		return -1
	}
	call := func(method, path, contentType, body string) ([]byte, error) {
		req, err := http.NewRequest(method, api+path, strings.NewReader(body))
		if err != nil {
			return nil, err
		}
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		resp, err := apiClient.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		if resp.StatusCode >= 300 {
			return nil, fmt.Errorf("%s %s: %s %s", method, path, resp.Status, out)
		}
		return out, nil
	}
	results := map[string][]time.Duration{}
	missed := map[string]int{}
	record := func(kind string, d time.Duration) {
		if d < 0 {
			missed[kind]++
		} else {
			results[kind] = append(results[kind], d)
		}
	}
	run := time.Now().UnixNano() % 100000
	for i := 0; i < rounds; i++ {
		team := fmt.Sprintf("fresh-%d-%d", run, i)
		started := time.Now()
		if _, err := call(http.MethodPatch, "/apis/apps/v1/namespaces/shop/deployments/web",
			"application/merge-patch+json", `{"metadata":{"labels":{"team":"`+team+`"}}}`); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		record("update", waitFor(started, func(b []byte) bool { return bytes.Contains(b, []byte("/teams/"+team)) }))

		name := fmt.Sprintf("fresh-%d-%d", run, i)
		started = time.Now()
		created, err := call(http.MethodPost, "/api/v1/namespaces/shop/services", "application/json",
			`{"apiVersion":"v1","kind":"Service","metadata":{"name":"`+name+`","namespace":"shop"},`+
				`"spec":{"ports":[{"port":80}],"selector":{"app":"`+name+`"}}}`)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		uid := regexp.MustCompile(`"uid"\s*:\s*"([^"]+)"`).FindSubmatch(created)
		if uid == nil {
			fmt.Fprintln(os.Stderr, "created Service has no uid")
			os.Exit(1)
		}
		nodeID := []byte(`"` + string(uid[1]) + `;<service>"`)
		record("create", waitFor(started, func(b []byte) bool { return bytes.Contains(b, nodeID) }))

		started = time.Now()
		if _, err := call(http.MethodDelete, "/api/v1/namespaces/shop/services/"+name, "", ""); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		record("delete", waitFor(started, func(b []byte) bool { return b != nil && !bytes.Contains(b, nodeID) }))
		time.Sleep(200 * time.Millisecond)
	}
	var all []time.Duration
	for _, kind := range []string{"update", "create", "delete"} {
		all = append(all, results[kind]...)
		fmt.Printf("fresh=%s %s\n", kind, percentiles(results[kind], missed[kind]))
	}
	fmt.Printf("fresh=all %s\n", percentiles(all, missed["update"]+missed["create"]+missed["delete"]))
}

func percentiles(values []time.Duration, missed int) string {
	at := quantiles(values, "%.0f")
	return fmt.Sprintf("n=%d missed=%d p50=%s p99=%s max=%s", len(values), missed, at(0.5), at(0.99), at(1))
}

// quantiles sorts a copy of values and returns a function that gives quantile q (nearest rank) in
// milliseconds, written with format, or "-" when there are no values.
func quantiles(values []time.Duration, format string) func(q float64) string {
	sorted := append([]time.Duration(nil), values...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return func(q float64) string {
		if len(sorted) == 0 {
			return "-"
		}
		i := int(q*float64(len(sorted))+0.5) - 1
		if i < 0 {
			i = 0
		}
		if i >= len(sorted) {
			i = len(sorted) - 1
		}
		return fmt.Sprintf(format, float64(sorted[i].Microseconds())/1000)
	}
}
