#ifndef SITREP_CCURL_SHIM_H
#define SITREP_CCURL_SHIM_H

#include <curl/curl.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

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

/* The event loop of the probe engine: libcurl's socket interface (curl_multi_socket_action) driven by epoll, so
   each wakeup costs in proportion to the sockets that are ready, not to every transfer in flight. */

static inline long long sitrep_monotonic_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* Adds fd to the epoll set, or changes what it waits for when it is there already; 0 on success. */
static inline int sitrep_epoll_watch(int epoll, int fd, int wants_in, int wants_out) {
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = (wants_in ? EPOLLIN : 0) | (wants_out ? EPOLLOUT : 0);
    event.data.fd = fd;
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) == 0) return 0;
    if (errno == EEXIST && epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event) == 0) return 0;
    return -1;
}

static inline void sitrep_epoll_unwatch(int epoll, int fd) {
    epoll_ctl(epoll, EPOLL_CTL_DEL, fd, NULL);
}

/* The epoll set a multi handle's sockets are mirrored into, and the multi handle (to mark sockets as added). */
struct sitrep_epoll_target {
    int epoll;
    CURLM *multi;
};

/* CURLMOPT_SOCKETFUNCTION: mirrors what libcurl wants to wait for on a socket into the epoll set of the
   sitrep_epoll_target in userp. A socket once added is marked through curl_multi_assign (libcurl hands the mark
   back as socketp), so a change is one EPOLL_CTL_MOD instead of a failed EPOLL_CTL_ADD and then the MOD. */
static inline int sitrep_epoll_socket_callback(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp) {
    (void)easy;
    struct sitrep_epoll_target *target = userp;
    if (what == CURL_POLL_REMOVE) {
        sitrep_epoll_unwatch(target->epoll, fd);
        return 0;
    }
    if (socketp != NULL) {
        struct epoll_event event;
        memset(&event, 0, sizeof event);
        event.events = ((what & CURL_POLL_IN) ? EPOLLIN : 0) | ((what & CURL_POLL_OUT) ? EPOLLOUT : 0);
        event.data.fd = fd;
        if (epoll_ctl(target->epoll, EPOLL_CTL_MOD, fd, &event) == 0) return 0;
    }
    if (sitrep_epoll_watch(target->epoll, fd, what & CURL_POLL_IN, what & CURL_POLL_OUT) != 0) return -1;
    curl_multi_assign(target->multi, fd, (void *)1);
    return 0;
}

/* CURLMOPT_TIMERFUNCTION: stores the monotonic millisecond at which libcurl wants its timeout call (-1: none). */
static inline int sitrep_deadline_timer_callback(CURLM *multi, long timeout_ms, void *userp) {
    (void)multi;
    *(long long *)userp = timeout_ms < 0 ? -1 : sitrep_monotonic_ms() + timeout_ms;
    return 0;
}

/* Points the multi handle's socket and timer callbacks at an epoll set and a deadline the caller owns; target
   (also the caller's, alive as long as the multi handle) is filled in here. */
static inline CURLMcode sitrep_multi_use_epoll(CURLM *multi, int epoll, struct sitrep_epoll_target *target,
                                               long long *deadline) {
    target->epoll = epoll;
    target->multi = multi;
    CURLMcode code = curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, sitrep_epoll_socket_callback);
    if (code == CURLM_OK) code = curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, (void *)target);
    if (code == CURLM_OK) code = curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, sitrep_deadline_timer_callback);
    if (code == CURLM_OK) code = curl_multi_setopt(multi, CURLMOPT_TIMERDATA, (void *)deadline);
    return code;
}

/* curl_multi_socket_action for libcurl's timeouts (CURL_SOCKET_TIMEOUT is a macro Swift does not import). */
static inline CURLMcode sitrep_multi_timeout_action(CURLM *multi, int *running) {
    return curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, running);
}

static inline int sitrep_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

/* An eventfd in the epoll set: other threads write to it to wake the loop. */
static inline int sitrep_wakeup_create(int epoll) {
    int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (fd < 0) return -1;
    if (sitrep_epoll_watch(epoll, fd, 1, 0) != 0) { close(fd); return -1; }
    return fd;
}

static inline void sitrep_wakeup_signal(int fd) {
    uint64_t one = 1;
    ssize_t written = write(fd, &one, sizeof one);
    (void)written;
}

static inline void sitrep_wakeup_drain(int fd) {
    uint64_t count;
    ssize_t got = read(fd, &count, sizeof count);
    (void)got;
}

/* Room for max epoll events (struct epoll_event is packed, which Swift does not import); free() it. */
static inline void *sitrep_epoll_events_allocate(int max) { return calloc((size_t)max, sizeof(struct epoll_event)); }

static inline void sitrep_epoll_events_free(void *events) { free(events); }

/* Waits up to timeout_ms (-1: forever) in events (from sitrep_epoll_events_allocate(max)) and writes each ready
   descriptor with its CURL_CSELECT_* flags; returns how many (at most max), or -1 with errno (EINTR: 0). */
static inline int sitrep_epoll_wait(int epoll, void *buffer, int *fds, int *flags, int max, int timeout_ms) {
    struct epoll_event *events = buffer;
    int count = epoll_wait(epoll, events, max, timeout_ms);
    if (count < 0) return errno == EINTR ? 0 : -1;
    for (int i = 0; i < count; i++) {
        uint32_t ready = events[i].events;
        fds[i] = events[i].data.fd;
        flags[i] = ((ready & EPOLLIN) ? CURL_CSELECT_IN : 0) | ((ready & EPOLLOUT) ? CURL_CSELECT_OUT : 0)
                 | ((ready & (EPOLLERR | EPOLLHUP)) ? CURL_CSELECT_ERR : 0);
    }
    return count;
}

#endif
