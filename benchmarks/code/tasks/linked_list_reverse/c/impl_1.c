#include <stdio.h>
#include <stdlib.h>

struct Node {
    int data;
    struct Node *next;
};

struct Node *new_node(int data)
{
    struct Node *n = malloc(sizeof(struct Node));
    n->data = data;
    n->next = NULL;
    return n;
}

struct Node *reverse(struct Node *head)
{
    struct Node *prev = NULL, *curr = head, *next;
    while (curr != NULL) {
        next = curr->next;
        curr->next = prev;
        prev = curr;
        curr = next;
    }
    return prev;
}

void print_list(struct Node *head)
{
    while (head) {
        printf("%d ", head->data);
        head = head->next;
    }
    printf("\n");
}

int main(void)
{
    struct Node *head = NULL, *tail = NULL;
    for (int i = 1; i <= 5; i++) {
        struct Node *n = new_node(i);
        if (!head)
            head = n;
        else
            tail->next = n;
        tail = n;
    }
    print_list(head);
    head = reverse(head);
    print_list(head);
    return 0;
}
