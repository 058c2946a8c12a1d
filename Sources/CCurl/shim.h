#ifndef SITREP_CCURL_SHIM_H
#define SITREP_CCURL_SHIM_H

#include <curl/curl.h>

/* Typed, non-variadic wrappers: Swift cannot call curl's variadic setopt/getinfo. */

static inline CURLcode sitrep_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sitrep_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sitrep_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sitrep_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sitrep_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*sitrep_write_callback)(char *data, size_t size, size_t nmemb, void *userdata);

static inline CURLcode sitrep_easy_setopt_write_function(CURL *handle, sitrep_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

typedef size_t (*sitrep_read_callback)(char *buffer, size_t size, size_t nitems, void *userdata);

/* The upload source (an SMTP message): libcurl asks for the next bytes until the callback returns 0. */
static inline CURLcode sitrep_easy_setopt_read_function(CURL *handle, sitrep_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode sitrep_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode sitrep_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode sitrep_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode sitrep_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode sitrep_easy_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* curl_global_init(CURL_GLOBAL_DEFAULT): the flag is a macro expression Swift cannot import. */
static inline CURLcode sitrep_global_init_default(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* Options taking a struct curl_blob (e.g. CURLOPT_CAINFO_BLOB); libcurl copies the bytes. */
static inline CURLcode sitrep_easy_setopt_blob_copy(CURL *handle, CURLoption option, void *data, size_t length) {
    struct curl_blob blob;
    blob.data = data;
    blob.len = length;
    blob.flags = CURL_BLOB_COPY;
    return curl_easy_setopt(handle, option, &blob);
}

#endif
