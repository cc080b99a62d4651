// Package s3files keeps papers' files in an S3-compatible bucket (Amazon
// S3, MinIO, Ceph, Cloudflare R2, …) through minio-go, for deployments that
// would rather not keep them in PostgreSQL. Files stream both ways: an
// upload goes up in parts of 5 MiB (the least S3 takes), held one at a
// time; a download streams the object.
package s3files

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Config says where the bucket is and how to reach it.
type Config struct {
	// Endpoint is the S3 service's host[:port], or a URL
	// ("https://s3.eu-west-2.amazonaws.com", "http://127.0.0.1:9000").
	Endpoint string
	Bucket   string
	Region   string
	// Prefix is put before every object's key ("minutebook/papers/").
	Prefix string
	// AccessKey and SecretKey sign the requests; empty, the AWS_ and
	// MINIO_ environment variables and an instance's IAM role are tried.
	AccessKey, SecretKey string
	// Insecure speaks plain HTTP to the endpoint (a local MinIO).
	Insecure bool
	// PathStyle addresses the bucket in the path rather than the host
	// name, as MinIO and most S3-compatible services want.
	PathStyle bool
	// Transport, when set, carries the requests (a test's server with its
	// own certificate); nil is minio-go's default.
	Transport http.RoundTripper
}

// Files is a bucket holding papers' files; it implements mb.PaperFiles.
type Files struct {
	client *minio.Client
	bucket string
	prefix string
}

// partSize is the size of each part of an upload whose length is not known
// in advance, and what an upload holds in memory.
const partSize = 5 << 20

// Open connects to the bucket and checks that it exists.
func Open(ctx context.Context, cfg Config) (*Files, error) {
	endpoint, secure := cfg.Endpoint, !cfg.Insecure
	if u, err := url.Parse(cfg.Endpoint); err == nil && u.Host != "" {
		endpoint, secure = u.Host, u.Scheme == "https"
	}
	if endpoint == "" || cfg.Bucket == "" {
		return nil, errors.New("s3files: an endpoint and a bucket are needed")
	}
	creds := credentials.NewChainCredentials([]credentials.Provider{
		&credentials.Static{Value: credentials.Value{AccessKeyID: cfg.AccessKey, SecretAccessKey: cfg.SecretKey, SignerType: credentials.SignatureV4}},
		&credentials.EnvAWS{}, &credentials.EnvMinio{}, &credentials.IAM{},
	})
	lookup := minio.BucketLookupAuto
	if cfg.PathStyle {
		lookup = minio.BucketLookupPath
	}
	client, err := minio.New(endpoint, &minio.Options{Creds: creds, Secure: secure, Region: cfg.Region, BucketLookup: lookup, Transport: cfg.Transport})
	if err != nil {
		return nil, fmt.Errorf("s3files: %w", err)
	}
	ok, err := client.BucketExists(ctx, cfg.Bucket)
	if err != nil {
		return nil, fmt.Errorf("s3files: reach bucket %s at %s: %w", cfg.Bucket, endpoint, err)
	}
	if !ok {
		return nil, fmt.Errorf("s3files: there is no bucket %s at %s", cfg.Bucket, endpoint)
	}
	prefix := cfg.Prefix
	if prefix != "" && !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	return &Files{client: client, bucket: cfg.Bucket, prefix: prefix}, nil
}

// Storage is "s3".
func (f *Files) Storage() string { return "s3" }

// Put uploads r's bytes as the object for key.
func (f *Files) Put(ctx context.Context, key string, r io.Reader) (int64, error) {
	info, err := f.client.PutObject(ctx, f.bucket, f.prefix+key, r, -1, minio.PutObjectOptions{
		ContentType: "application/octet-stream", PartSize: partSize, NumThreads: 1,
	})
	if err != nil {
		// The file's own error (too large, the client gone) stays in the
		// chain, so that its code reaches the reader.
		return 0, fmt.Errorf("s3files: put %s: %w", key, err)
	}
	return info.Size, nil
}

// Open streams the object for key.
func (f *Files) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	obj, err := f.client.GetObject(ctx, f.bucket, f.prefix+key, minio.GetObjectOptions{})
	if err != nil {
		return nil, fmt.Errorf("s3files: open %s: %w", key, err)
	}
	return obj, nil
}

// Delete removes the object for key (none is not an error in S3).
func (f *Files) Delete(ctx context.Context, key string) error {
	if err := f.client.RemoveObject(ctx, f.bucket, f.prefix+key, minio.RemoveObjectOptions{}); err != nil {
		return fmt.Errorf("s3files: delete %s: %w", key, err)
	}
	return nil
}
