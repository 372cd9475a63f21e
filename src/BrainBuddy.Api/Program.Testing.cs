// WebApplicationFactory<Program> in the API tests needs a public Program type.
public partial class Program;
