#include <stdio.h>

int binary_search(const int *arr, int n, int key)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (arr[mid] == key)
            return mid;
        if (arr[mid] < key)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

int main(void)
{
    int a[] = { 2, 4, 6, 8, 10, 12 };
    int n = sizeof(a) / sizeof(a[0]);
    printf("%d %d\n", binary_search(a, n, 8), binary_search(a, n, 5));
    return 0;
}
