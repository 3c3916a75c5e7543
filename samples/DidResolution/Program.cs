Console.WriteLine("sample: see README");
