#include <stdio.h>

int main(void);

int
main(void)
{
	puts("trellis: under construction");
	return 0;
}
