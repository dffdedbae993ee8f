/* Build tool: write a C file that embeds the named files (see base/embed.h). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	printf("#include \"base/embed.h\"\n\n");
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		printf("static const unsigned char f%d[] = {", i);
		int c;
		long n = 0;
		while ((c = getc(f)) != EOF)
			printf("%s%d,", (n++ % 24) ? "" : "\n", c);
		printf("0};\n");
		fclose(f);
	}
	printf("\nconst struct embed_file embed_files[] = {\n");
	for (int i = 1; i < argc; i++)
		printf("\t{\"%s\", f%d, sizeof f%d - 1},\n", argv[i], i, i);
	printf("\t{0, 0, 0}\n};\nconst size_t embed_nfiles = %d;\n", argc - 1);
	return 0;
}
