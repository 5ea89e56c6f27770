/* build: platform=any kind=shared */
/* plugin_math - an ordinary plugin library exporting a versioned API of statistics helpers. */
#include <math.h>
#include <stddef.h>

#ifdef _WIN32
#define PLUGIN_API __declspec(dllexport)
#else
#define PLUGIN_API __attribute__((visibility("default")))
#endif

PLUGIN_API int plugin_api_version(void)
{
    return 3;
}

PLUGIN_API const char *plugin_name(void)
{
    return "stats-helpers 3.1";
}

PLUGIN_API double plugin_mean(const double *v, size_t n)
{
    double s = 0.0;
    size_t i;
    for (i = 0; i < n; i++)
        s += v[i];
    return n ? s / (double)n : 0.0;
}

PLUGIN_API double plugin_stddev(const double *v, size_t n)
{
    double m = plugin_mean(v, n), acc = 0.0;
    size_t i;
    for (i = 0; i < n; i++)
        acc += (v[i] - m) * (v[i] - m);
    return n > 1 ? sqrt(acc / (double)(n - 1)) : 0.0;
}

PLUGIN_API size_t plugin_histogram(const double *v, size_t n, double lo, double hi, unsigned *bins, size_t nbins)
{
    size_t i, used = 0;
    for (i = 0; i < nbins; i++)
        bins[i] = 0;
    for (i = 0; i < n; i++) {
        if (v[i] < lo || v[i] >= hi)
            continue;
        bins[(size_t)((v[i] - lo) / (hi - lo) * (double)nbins)]++;
        used++;
    }
    return used;
}
