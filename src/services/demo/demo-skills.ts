/** Taxonomy ids used by the demo data, with the label a CV would write. */
export const DEMO_SKILLS = {
  python: 'Python',
  pytorch: 'PyTorch',
  tensorflow: 'TensorFlow',
  'computer-vision': 'computer vision',
  opencv: 'OpenCV',
  'object-detection': 'object detection (YOLO)',
  'image-segmentation': 'image segmentation',
  'point-cloud': 'point-cloud processing (PCL, Open3D)',
  '3d-vision': '3D vision',
  ros: 'ROS 2',
  cpp: 'C++',
  'medical-imaging': 'medical imaging (DICOM)',
  nlp: 'NLP',
  llm: 'LLM fine-tuning',
  rag: 'RAG',
  huggingface: 'Hugging Face Transformers',
  langchain: 'LangChain',
  'vector-database': 'vector databases',
  'speech-recognition': 'speech recognition (ASR)',
  'speech-synthesis': 'speech synthesis (TTS)',
  'audio-signal-processing': 'audio signal processing',
  'anomaly-detection': 'anomaly detection',
  mlops: 'MLOps (MLflow)',
  docker: 'Docker',
  kubernetes: 'Kubernetes',
  airflow: 'Airflow',
  sql: 'SQL',
  'data-engineering': 'data engineering',
  spark: 'Apache Spark',
  'time-series': 'time-series forecasting',
  'embedded-c': 'embedded C',
  iot: 'IoT',
  mqtt: 'MQTT',
  'edge-ai': 'edge AI (TensorRT, ONNX)',
  linux: 'Linux',
  'data-analysis': 'data analysis (pandas)',
  'recommender-systems': 'recommender systems',
  statistics: 'statistics',
  fastapi: 'FastAPI',
  react: 'React',
  aws: 'AWS',
} as const

/** A skill id of the demo taxonomy. */
export type DemoSkill = keyof typeof DEMO_SKILLS

/** A cluster of skills that tend to go together on one CV. */
export type DemoSkillCluster = {
  readonly id: string
  /** Share of candidates whose main cluster this is (relative weight). */
  readonly weight: number
  /** Skills almost every member has. */
  readonly core: readonly DemoSkill[]
  /** Skills some members have. */
  readonly extra: readonly DemoSkill[]
  readonly fields: readonly string[]
  /** One project line per entry, for CVs and experience summaries. */
  readonly projects: readonly string[]
  readonly interest: { readonly en: string; readonly vi: string; readonly ko: string }
}

/** The talent clusters of the demo: vision/robotics, NLP/LLM, speech, MLOps/data, embedded/IoT, analytics. */
export const DEMO_SKILL_CLUSTERS: readonly DemoSkillCluster[] = [
  {
    id: 'vision',
    weight: 26,
    core: ['computer-vision', 'pytorch', 'opencv'],
    extra: [
      'object-detection',
      'image-segmentation',
      'point-cloud',
      '3d-vision',
      'ros',
      'cpp',
      'medical-imaging',
      'tensorflow',
      'edge-ai',
      'docker',
    ],
    fields: ['Computer Science', 'Artificial Intelligence', 'Mechatronics', 'Robotics Engineering'],
    projects: [
      'trained a YOLO-based defect detector for a PCB assembly line (mAP 0.91)',
      'estimated 6-DoF grasp poses from RGB-D point clouds and ran them on a ROS 2 robot arm',
      'segmented lung nodules in CT scans with a 3D U-Net',
      'built a real-time people counter on a Jetson board with TensorRT',
    ],
    interest: {
      en: 'computer vision and robotics',
      vi: 'thị giác máy tính và robot',
      ko: '컴퓨터 비전과 로보틱스',
    },
  },
  {
    id: 'language',
    weight: 24,
    core: ['nlp', 'pytorch', 'llm', 'huggingface'],
    extra: ['rag', 'langchain', 'vector-database', 'fastapi', 'tensorflow', 'docker', 'sql', 'react'],
    fields: ['Computer Science', 'Artificial Intelligence', 'Data Science', 'Computational Linguistics'],
    projects: [
      'fine-tuned a 7B LLM with LoRA for Vietnamese–Korean customer support',
      'built a RAG chatbot over university regulations with LangChain and a vector database',
      'classified scam text messages with a multilingual BERT model (F1 0.94)',
      'served an LLM summarisation API with FastAPI and Docker',
    ],
    interest: {
      en: 'large language models and NLP',
      vi: 'mô hình ngôn ngữ lớn và xử lý ngôn ngữ tự nhiên',
      ko: '대규모 언어 모델과 자연어 처리',
    },
  },
  {
    id: 'speech',
    weight: 10,
    core: ['speech-recognition', 'pytorch', 'audio-signal-processing'],
    extra: ['speech-synthesis', 'anomaly-detection', 'nlp', 'huggingface', 'tensorflow', 'edge-ai'],
    fields: ['Electronics Engineering', 'Computer Science', 'Artificial Intelligence'],
    projects: [
      'trained a Vietnamese ASR model on 200 hours of call-centre audio (WER 9.8%)',
      'cloned voices for video dubbing with a VITS text-to-speech model',
      'detected abnormal motor sounds from factory microphones with an autoencoder',
    ],
    interest: {
      en: 'speech and audio AI',
      vi: 'AI xử lý giọng nói và âm thanh',
      ko: '음성 및 오디오 AI',
    },
  },
  {
    id: 'platform',
    weight: 16,
    core: ['docker', 'mlops', 'sql'],
    extra: ['kubernetes', 'airflow', 'data-engineering', 'fastapi', 'spark', 'aws', 'linux', 'time-series'],
    fields: ['Computer Science', 'Information Technology', 'Software Engineering', 'Data Science'],
    projects: [
      'set up Airflow pipelines and MLflow model tracking for a 30-model team',
      'moved model serving to Kubernetes with autoscaling GPU nodes',
      'built a Spark ETL job that cleans 2 TB of sensor logs per day',
    ],
    interest: {
      en: 'MLOps and data platforms',
      vi: 'MLOps và nền tảng dữ liệu',
      ko: 'MLOps와 데이터 플랫폼',
    },
  },
  {
    id: 'embedded',
    weight: 12,
    core: ['embedded-c', 'iot', 'linux'],
    extra: ['mqtt', 'time-series', 'anomaly-detection', 'edge-ai', 'cpp', 'ros', 'docker'],
    fields: ['Electronics Engineering', 'Electrical Engineering', 'Mechatronics', 'Computer Engineering'],
    projects: [
      'wrote STM32 firmware in embedded C for a low-power soil-moisture sensor',
      'built an MQTT gateway on a Raspberry Pi that controls greenhouse vents',
      'ran a quantised anomaly-detection model on a microcontroller for vibration data',
    ],
    interest: {
      en: 'embedded AI and IoT',
      vi: 'AI nhúng và IoT',
      ko: '임베디드 AI와 IoT',
    },
  },
  {
    id: 'analytics',
    weight: 12,
    core: ['data-analysis', 'sql', 'statistics'],
    extra: [
      'recommender-systems',
      'time-series',
      'spark',
      'tensorflow',
      'react',
      'fastapi',
      'anomaly-detection',
    ],
    fields: ['Data Science', 'Statistics', 'Industrial Engineering', 'Computer Science'],
    projects: [
      'built a product recommender with implicit-feedback matrix factorisation',
      'forecast daily electricity demand with gradient boosting and LSTMs',
      'categorised bank transactions and flagged unusual spending for a budgeting app',
    ],
    interest: {
      en: 'data science and recommender systems',
      vi: 'khoa học dữ liệu và hệ gợi ý',
      ko: '데이터 사이언스와 추천 시스템',
    },
  },
]
